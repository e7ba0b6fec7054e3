/**
 * Group 4: what a repair login costs beyond the legacy round trip itself. Each iteration
 * pairs a bare `fetch` of the same URL (read to the end, as text) with an execution, so
 * the difference is the Action's own work: config, detection, validation (or reading
 * through the metadata maps), the fill plan and the writes. Measured in the local
 * runtime, and with the handler alone, every record and variant in turn in one loop, so
 * that a busy spell of the machine weighs on all of them alike.
 */
import type { LoginInput } from "../../src/local/runtime/post-login-event";
import type { SampleUser } from "../../src/local/sample-store/sample-users";
import { startSampleStore } from "../../src/local/sample-store/server";
import { RECORD_CASES } from "../figure-catalog";
import { legacyUser, migratedLogin } from "../harness/logins";
import { directHandlerFor, runtimeFor } from "../harness/runtimes";
import { recordUrlFor, secretsFor } from "../harness/secrets";
import { recordBytes, sizedLegacyUser } from "../harness/sized-metadata";
import { elapsedMs, rotate } from "../harness/timing";
import type { Variant } from "../variants";
import type { CaseContext } from "./case-context";

/** Maps that pick every metadata key of the record where it lies, so they write what the paths would. */
function mapsPicking(user: SampleUser): Record<string, string> {
  const pick = (side: "user_metadata" | "app_metadata") =>
    JSON.stringify(Object.fromEntries(Object.keys(user[side] ?? {}).map((key) => [key, `${side}.${key}`])));
  return { LEGACY_USER_METADATA_MAP: pick("user_metadata"), LEGACY_APP_METADATA_MAP: pick("app_metadata") };
}

export async function measureRepairOverhead({ plan, variants, figures, notes }: CaseContext): Promise<void> {
  const records = RECORD_CASES.map((record, index) => {
    const legacyId = `${7001 + index}`;
    return { ...record, legacyId, user: sizedLegacyUser(legacyUser(legacyId, {}), record.bytes) };
  });
  const store = await startSampleStore({ users: records.map((record) => record.user) });
  try {
    const headers = { accept: "application/json", authorization: `Bearer ${store.token}` };
    const subjects = records.flatMap((record) => {
      const secrets = { ...secretsFor(store), ...(record.mapped ? mapsPicking(record.user) : {}) };
      const url = recordUrlFor(store, record.legacyId);
      // Auth0 holds no metadata for this user: every execution repairs.
      const login: LoginInput = migratedLogin(record.legacyId, {});
      return variants.map((variant) => {
        const runtime = runtimeFor(variant, secrets);
        const direct = directHandlerFor(variant, secrets);
        const execute = async () => {
          const result = await runtime.execute(login);
          if (result.status !== "completed" || result.writes.length === 0) {
            throw new Error(`${variant.label} did not repair the ${record.name} user: ${JSON.stringify(result.logs)}`);
          }
          return result.writes.length;
        };
        return {
          record,
          variant,
          direct,
          event: direct.eventFor(login),
          execute,
          url,
          inRuntime: [] as number[],
          alone: [] as number[],
          writes: 0,
        };
      });
    });
    const fetches = new Map(records.map((record) => [record.name, [] as number[]]));
    const bareFetch = (url: string) => elapsedMs(async () => (await fetch(url, { headers })).text());
    for (let i = -plan.warmup; i < plan.repairIterations; i++) {
      for (const subject of rotate(subjects, i + plan.warmup)) {
        const fetchForRuntime = await bareFetch(subject.url);
        const runtimeMs = await elapsedMs(async () => {
          subject.writes = await subject.execute();
        });
        const fetchForDirect = await bareFetch(subject.url);
        const directMs = await elapsedMs(() => subject.direct.run(subject.event));
        if (i < 0) continue;
        fetches.get(subject.record.name)?.push(fetchForRuntime, fetchForDirect);
        subject.inRuntime.push(runtimeMs - fetchForRuntime);
        subject.alone.push(directMs - fetchForDirect);
      }
    }
    for (const { record, variant, direct, inRuntime, alone } of subjects) {
      if (direct.writes === 0) throw new Error(`${variant.label} wrote nothing when called directly`);
      figures.add(`repair.overhead_${record.name}.runtime_ms`, variant.id, inRuntime);
      figures.add(`repair.overhead_${record.name}.direct_ms`, variant.id, alone);
    }
    for (const record of records) {
      figures.add(`repair.bare_fetch_${record.name}_ms`, undefined, fetches.get(record.name) ?? []);
      notes.push(`Repair record "${record.name}": ${recordBytes(record.user)} bytes of JSON as the store sends it.`);
    }
    notes.push(mappedWritesNote(subjects));
  } finally {
    await store.close();
  }
}

interface Measured {
  record: (typeof RECORD_CASES)[number];
  variant: Variant;
  /** Keys the last execution in the local runtime wrote, marker included. */
  writes: number;
}

/** The mapped and unmapped 1 kB repairs must write as many keys, or the figures compare different work. */
function mappedWritesNote(subjects: readonly Measured[]): string {
  const writesOf = (name: string) =>
    subjects.find((subject) => subject.record.name === name && subject.variant.id === "action")?.writes;
  const plain = writesOf("1kB");
  const mapped = writesOf("1kB_mapped");
  if (plain === undefined || plain !== mapped) {
    throw new Error(`the mapped 1 kB repair wrote ${mapped} keys, the unmapped one ${plain}: not the same work`);
  }
  return `Repair record "1kB_mapped": the "1kB" record's twin, read through maps that pick each of its ${plain - 1} metadata keys (${plain} writes with the marker, as unmapped).`;
}
