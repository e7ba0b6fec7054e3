/**
 * Group 6: a run of logins while the legacy store is down (it answers 503 to everything).
 * Each run is a fresh instance, so the first login pays for discovering the outage; the
 * variants take turns run by run, so none always goes first.
 */
import { startSampleStore } from "../../src/local/sample-store/server";
import { migratedLogin } from "../harness/logins";
import { runtimeFor } from "../harness/runtimes";
import { secretsFor } from "../harness/secrets";
import { elapsedMs, rotate } from "../harness/timing";
import type { CaseContext } from "./case-context";

export async function measureOutage({ plan, variants, figures, notes }: CaseContext): Promise<void> {
  const store = await startSampleStore({ users: [], faults: { status: 503 } });
  try {
    notes.push(`Outage: ${plan.outageLogins} logins per run, ${plan.outageRuns} run(s) per variant.`);
    // Migrated users with no metadata in Auth0: each one would need the store.
    const logins = Array.from({ length: plan.outageLogins }, (_, i) => migratedLogin(`${90_000 + i}`, {}));
    const totals = new Map(variants.map((variant) => [variant.id, [] as number[]]));
    const calls = new Map(variants.map((variant) => [variant.id, [] as number[]]));
    const failed = new Map(variants.map((variant) => [variant.id, 0]));
    for (let run = 0; run < plan.outageRuns; run++) {
      for (const variant of rotate(variants, run)) {
        const runtime = runtimeFor(variant, secretsFor(store));
        const before = store.requests.length;
        const ms = await elapsedMs(async () => {
          for (const login of logins) {
            if ((await runtime.execute(login)).status === "failed") {
              failed.set(variant.id, (failed.get(variant.id) ?? 0) + 1);
            }
          }
        });
        totals.get(variant.id)?.push(ms);
        calls.get(variant.id)?.push(store.requests.length - before);
      }
    }
    for (const variant of variants) {
      figures.add("outage.total_ms", variant.id, totals.get(variant.id) ?? []);
      figures.add("outage.legacy_calls", variant.id, calls.get(variant.id) ?? []);
      const count = failed.get(variant.id) ?? 0;
      if (count > 0) notes.push(`Outage, ${variant.label}: ${count} logins failed.`);
    }
  } finally {
    await store.close();
  }
}
