/**
 * Group 4: what a repair login costs beyond the legacy round trip itself. Each iteration
 * pairs a bare `fetch` of the same URL (read to the end, as text) with an execution, so
 * the difference is the Action's own work: config, detection, validation, the fill plan
 * and the writes. Measured in the local runtime, and with the handler alone.
 */
import type { LoginInput } from "../../src/local/runtime/post-login-event";
import { startSampleStore } from "../../src/local/sample-store/server";
import { RECORD_SIZES } from "../figure-catalog";
import { legacyUser, migratedLogin } from "../harness/logins";
import { directHandlerFor, runtimeFor } from "../harness/runtimes";
import { recordUrlFor, secretsFor } from "../harness/secrets";
import { recordBytes, sizedLegacyUser } from "../harness/sized-metadata";
import { elapsedMs, rotate } from "../harness/timing";
import type { CaseContext } from "./case-context";

export async function measureRepairOverhead({ plan, variants, figures, notes }: CaseContext): Promise<void> {
  const sized = RECORD_SIZES.map((size, index) => {
    const legacyId = `${7001 + index}`;
    return { ...size, legacyId, user: sizedLegacyUser(legacyUser(legacyId, {}), size.bytes) };
  });
  const store = await startSampleStore({ users: sized.map((size) => size.user) });
  try {
    const secrets = secretsFor(store);
    const headers = { accept: "application/json", authorization: `Bearer ${store.token}` };
    for (const size of sized) {
      const url = recordUrlFor(store, size.legacyId);
      const bareFetch = () => elapsedMs(async () => (await fetch(url, { headers })).text());
      // Auth0 holds no metadata for this user: every execution repairs.
      const login: LoginInput = migratedLogin(size.legacyId, {});
      const fetches: number[] = [];
      const prepared = variants.map((variant) => {
        const runtime = runtimeFor(variant, secrets);
        const direct = directHandlerFor(variant, secrets);
        const execute = async () => {
          const result = await runtime.execute(login);
          if (result.status !== "completed" || result.writes.length === 0) {
            throw new Error(`${variant.label} did not repair the ${size.name} user: ${JSON.stringify(result.logs)}`);
          }
        };
        return {
          variant,
          direct,
          event: direct.eventFor(login),
          execute,
          inRuntime: [] as number[],
          alone: [] as number[],
        };
      });
      for (let i = -plan.warmup; i < plan.repairIterations; i++) {
        for (const subject of rotate(prepared, i + plan.warmup)) {
          const fetchForRuntime = await bareFetch();
          const runtimeMs = await elapsedMs(subject.execute);
          const fetchForDirect = await bareFetch();
          const directMs = await elapsedMs(() => subject.direct.run(subject.event));
          if (i < 0) continue;
          fetches.push(fetchForRuntime, fetchForDirect);
          subject.inRuntime.push(runtimeMs - fetchForRuntime);
          subject.alone.push(directMs - fetchForDirect);
        }
      }
      for (const { variant, direct, inRuntime, alone } of prepared) {
        if (direct.writes === 0) throw new Error(`${variant.label} wrote nothing when called directly`);
        figures.add(`repair.overhead_${size.name}.runtime_ms`, variant.id, inRuntime);
        figures.add(`repair.overhead_${size.name}.direct_ms`, variant.id, alone);
      }
      figures.add(`repair.bare_fetch_${size.name}_ms`, undefined, fetches);
      notes.push(`Repair record "${size.name}": ${recordBytes(size.user)} bytes of JSON as the store sends it.`);
    }
  } finally {
    await store.close();
  }
}
