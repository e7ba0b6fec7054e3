/**
 * Group 3: the login almost every user makes, which needs no repair: a migrated user
 * whose metadata is complete (no marker: they were never broken), and a user of another
 * connection, each executed in the local runtime (the emulator's own work included).
 * The store is running only to prove that no login calls it. The handler alone is timed
 * by handler-alone.ts, in a process the runtime's AsyncLocalStorage has not slowed.
 */
import { startSampleStore } from "../../src/local/sample-store/server";
import { COMMON_LOGINS } from "../harness/logins";
import { runtimeFor } from "../harness/runtimes";
import { secretsFor } from "../harness/secrets";
import { interleavedMicrosPerCall, type Subject } from "../harness/timing";
import type { CaseContext } from "./case-context";

export async function measureCommonLogin({ plan, variants, figures }: CaseContext): Promise<void> {
  const store = await startSampleStore({ users: [] });
  try {
    const secrets = secretsFor(store);
    const subjects: Subject[] = variants.flatMap((variant) => {
      const runtime = runtimeFor(variant, secrets);
      return COMMON_LOGINS.map(({ name, login }) => ({
        key: `common_login.${name}.runtime_us|${variant.id}`,
        run: async () => {
          const result = await runtime.execute(login);
          if (result.writes.length > 0) throw new Error(`${variant.label} wrote metadata on a common login`);
        },
      }));
    });
    const samples = await interleavedMicrosPerCall(subjects, plan.commonBatches, plan.commonPerBatch, plan.warmup);
    for (const variant of variants) {
      for (const { name } of COMMON_LOGINS) {
        const metric = `common_login.${name}.runtime_us`;
        figures.add(metric, variant.id, samples.get(`${metric}|${variant.id}`) ?? []);
      }
    }
    if (store.requests.length > 0) throw new Error("a login that needs no repair called the legacy store");
  } finally {
    await store.close();
  }
}
