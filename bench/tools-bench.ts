/**
 * Figures for the operator tools (no pass/fail): `npx tsx bench/tools-bench.ts [--quick]`.
 *
 * 1. verify: peak memory (maxRSS of a process running only verify) over generated
 *    exports of growing size, up to 1,000,000 users. Flat means the export is streamed
 *    and the join is bucketed on disk.
 * 2. backfill: users/s and Management API requests/s against an API mocked with msw
 *    that allows N requests per second (429 beyond, Auth0's X-RateLimit headers), with
 *    answers at once and with answers held 0 to 60 ms after being counted, so that they
 *    come back out of order. The goal: no 429 at all.
 *
 * Writes bench/tools-results.json.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { parseConfig } from "../src/action/config";
import { startSampleStore } from "../src/local/sample-store/server";
import { storeSecrets } from "../src/local/sample-store/store-secrets";
import { openTenant } from "../src/shared/tenant-access";
import { Checkpoint } from "../src/tools/backfill/checkpoint";
import { runBackfill } from "../src/tools/backfill/run-backfill";
import { writeExportFile } from "../src/tools/export/export-file";
import { usersFromTenant } from "../src/tools/export/user-source";
import { pooledFetch } from "../src/tools/legacy/pooled-fetch";
import { RateGovernor } from "../src/tools/management/rate-governor";
import { tenantUsers } from "../src/tools/management/tenant-users";
import { processCache } from "../src/tools/process-cache";
import type { TenantUser } from "../src/tools/tenant-user";
import { MockTenant, migrated, TENANT_DOMAIN } from "../test/support/tools-tenant";
import { generatedSampleUsers, legacyIdAt, startGeneratedStore } from "./tools-generated-store";

const quick = process.argv.includes("--quick");
const work = mkdtempSync(join(tmpdir(), "rmm-tools-bench-"));

/** The tenant's side of `count` legacy users: every other one migrated, a third of those missing metadata. */
function* exportedUsers(count: number): Generator<TenantUser> {
  for (let i = 0; i < count; i += 2) {
    const complete = i % 3 !== 0;
    yield migrated(legacyIdAt(i), {
      email: `u${i}@example.com`,
      user_metadata: complete ? { locale: "en", theme: "dark" } : {},
      app_metadata: complete ? { plan: "free" } : {},
    });
  }
}

/** Enough for the tool's live memory; a run that completes under it shows that memory is bounded. */
const CAPPED_HEAP_MB = 96;

function runVerifyChild(exportFile: string, listUrl: string, token: string, nodeFlags: string[]) {
  // Async, so the generated store in this process keeps answering while the child runs.
  return new Promise<{ ms: number; maxRssMb: number; counts: Record<string, number> }>((resolve, reject) =>
    execFile(
      process.execPath,
      [...nodeFlags, "--import", "tsx", "bench/tools-verify-child.ts", exportFile, listUrl, token],
      { maxBuffer: 1 << 20 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}"))),
    ),
  );
}

async function verifyMemory(count: number) {
  const exportFile = join(work, `export-${count}.json.gz`);
  await writeExportFile(exportFile, exportedUsers(count * 2));
  const store = await startGeneratedStore(count * 2);
  try {
    const free = await runVerifyChild(exportFile, store.listUrl, store.token, []);
    const capped = await runVerifyChild(exportFile, store.listUrl, store.token, [
      `--max-old-space-size=${CAPPED_HEAP_MB}`,
    ]);
    return {
      tenantUsers: count,
      legacyUsers: count * 2,
      seconds: Number((free.ms / 1000).toFixed(1)),
      peakRssMb: Math.round(free.maxRssMb),
      peakRssMbWithHeapCap: Math.round(capped.maxRssMb),
      heapCapMb: CAPPED_HEAP_MB,
      counts: free.counts,
    };
  } finally {
    await store.close();
    rmSync(exportFile, { force: true });
  }
}

/** The out-of-order figure: each answer held up to this long after the tenant counted it. */
const OUT_OF_ORDER_MS = 60;
const TIMEOUT_MS = 30_000;

async function backfillThroughput(ratePerSecond: number, users: number, concurrency: number, answerDelayMs = 0) {
  const sampleUsers = generatedSampleUsers(users);
  const store = await startSampleStore({ users: sampleUsers });
  const tenant = new MockTenant({ ratePerSecond, answerDelayMs: answerDelayMs || undefined });
  tenant.seed(sampleUsers.map((u) => migrated(u.legacy_id, {})));
  const server = setupServer(...tenant.handlers());
  server.listen({ onUnhandledRequest: "error" });
  const parsed = parseConfig(storeSecrets(store));
  if (!parsed.ok) throw new Error("bench config");
  const { management: client } = await openTenant(
    { domain: TENANT_DOMAIN, accessToken: "bench" },
    { timeoutMs: TIMEOUT_MS },
  );
  const governor = new RateGovernor({ host: TENANT_DOMAIN, timeoutMs: TIMEOUT_MS });
  const pool = pooledFetch(concurrency);
  try {
    const source = usersFromTenant(client, governor, parsed.config.connections, {
      pollIntervalMs: 5,
      timeoutMs: TIMEOUT_MS,
    });
    const started = performance.now();
    const summary = await runBackfill({
      config: parsed.config,
      source,
      tenant: tenantUsers(client, governor),
      governorStats: governor.stats,
      legacyFetch: pool.fetch,
      cache: processCache(),
      checkpoint: Checkpoint.open(join(work, `cp-${ratePerSecond}-${answerDelayMs}.json`), {
        repairVersion: 1,
        connections: ["legacy-db"],
      }),
      concurrency,
      progressOutput: { write: () => true, isTTY: false },
      planOutput: () => undefined,
    });
    const seconds = (performance.now() - started) / 1000;
    const userCalls = tenant.calls.filter((c) => c.path.startsWith("/users/"));
    // The mock's limit is per wall-clock second: the calls counted in each second it saw, so
    // that the rate is the calls over the windows they used, and the busiest window is there.
    const perSecond = new Map<number, number>();
    for (const call of userCalls) {
      const second = Math.floor(call.at / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    const perWindow = userCalls.length / Math.max(1, perSecond.size);
    return {
      limitPerSecond: ratePerSecond,
      answerDelayMs,
      busiestWindow: Math.max(0, ...perSecond.values()),
      concurrency,
      users,
      repaired: summary.outcomes.repaired,
      failed: summary.outcomes.failed,
      seconds: Number(seconds.toFixed(2)),
      userCallsPerSecond: Number(perWindow.toFixed(2)),
      ofLimit: Number((perWindow / ratePerSecond).toFixed(3)),
      usersPerSecond: Number((summary.outcomes.repaired / seconds).toFixed(2)),
      answered429: tenant.refusedByLimit,
    };
  } finally {
    server.close();
    await pool.close();
    await store.close();
  }
}

const sizesArg = process.argv.find((arg) => arg.startsWith("--sizes="));
const sizes = sizesArg
  ? sizesArg.slice("--sizes=".length).split(",").map(Number)
  : quick
    ? [10_000, 100_000]
    : [10_000, 100_000, 1_000_000];
const ratesArg = process.argv.find((arg) => arg.startsWith("--rates="));
const verify = [];
for (const size of sizes) {
  const figure = await verifyMemory(size);
  verify.push(figure);
  console.log(
    `verify  ${String(size).padStart(9)} tenant users / ${figure.legacyUsers} legacy: ${figure.seconds} s, peak RSS ${figure.peakRssMb} MB (V8 default heap), ${figure.peakRssMbWithHeapCap} MB with the heap capped at ${CAPPED_HEAP_MB} MB`,
  );
}
const backfill = [];
const rates = ratesArg
  ? ratesArg.slice("--rates=".length).split(",").filter(Boolean).map(Number)
  : quick
    ? [10]
    : [10, 20, 50];
for (const rate of rates) {
  for (const delay of [0, OUT_OF_ORDER_MS]) {
    const figure = await backfillThroughput(rate, rate * (quick ? 3 : 5), 8, delay);
    backfill.push(figure);
    const order = delay === 0 ? "answers at once" : `answers out of order (0-${delay} ms)`;
    console.log(
      `backfill limit ${rate}/s, ${order}: ${figure.userCallsPerSecond} user calls/s (${(figure.ofLimit * 100).toFixed(0)}% of the limit), busiest second ${figure.busiestWindow}, ${figure.usersPerSecond} users/s, ${figure.answered429} answered 429, ${figure.repaired}/${figure.users} repaired`,
    );
  }
}
const machine = { node: process.version, cpus: (await import("node:os")).cpus().length, platform: process.platform };
writeFileSync("bench/tools-results.json", `${JSON.stringify({ machine, quick, verify, backfill }, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
