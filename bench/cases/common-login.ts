/**
 * Group 3: the login almost every user makes, which needs no repair: a migrated user
 * whose metadata is complete (no marker: they were never broken), and a user of another
 * connection. Timed in the local runtime and with the handler called alone; the store
 * is running only to prove that neither login calls it.
 */
import type { LoginInput } from "../../src/local/runtime/post-login-event";
import { startSampleStore } from "../../src/local/sample-store/server";
import { migratedLogin, otherConnectionLogin, typicalMetadata } from "../harness/logins";
import { directHandlerFor, runtimeFor } from "../harness/runtimes";
import { secretsFor } from "../harness/secrets";
import { interleavedMicrosPerCall, type Subject } from "../harness/timing";
import type { CaseContext } from "./case-context";

const LOGINS: ReadonlyArray<{ name: string; login: LoginInput }> = [
  { name: "migrated_complete", login: migratedLogin("5001", typicalMetadata(5001)) },
  { name: "other_connection", login: otherConnectionLogin(typicalMetadata(5002)) },
];

export async function measureCommonLogin({ plan, variants, figures }: CaseContext): Promise<void> {
  const store = await startSampleStore({ users: [] });
  try {
    const secrets = secretsFor(store);
    const prepared = variants.map((variant) => ({
      variant,
      runtime: runtimeFor(variant, secrets),
      direct: directHandlerFor(variant, secrets),
    }));
    const subjects: Subject[] = prepared.flatMap(({ variant, runtime, direct }) =>
      LOGINS.flatMap(({ name, login }) => {
        const event = direct.eventFor(login);
        return [
          { key: `common_login.${name}.runtime_us|${variant.id}`, run: () => runtime.execute(login) },
          { key: `common_login.${name}.direct_us|${variant.id}`, run: () => direct.run(event) },
        ];
      }),
    );
    const samples = await interleavedMicrosPerCall(subjects, plan.commonBatches, plan.commonPerBatch, plan.warmup);
    for (const { variant, direct } of prepared) {
      if (direct.writes > 0) throw new Error(`${variant.label} wrote metadata on a login that needs no repair`);
      for (const { name } of LOGINS) {
        for (const mode of ["runtime_us", "direct_us"]) {
          const metric = `common_login.${name}.${mode}`;
          figures.add(metric, variant.id, samples.get(`${metric}|${variant.id}`) ?? []);
        }
      }
    }
    if (store.requests.length > 0) throw new Error("a login that needs no repair called the legacy store");
  } finally {
    await store.close();
  }
}
