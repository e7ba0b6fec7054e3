/**
 * Group 3, the handler alone on the common logins: loaded in the local runtime's vm
 * context (where every global lookup goes through the context's global object) and
 * required in plain Node. No runtime executes in this process: its AsyncLocalStorage,
 * once enabled, would tax every promise, and each call here makes one. The store is
 * running only to prove that no login calls it.
 */
import { startSampleStore } from "../../src/local/sample-store/server";
import { COMMON_LOGINS } from "../harness/logins";
import { directHandlerFor, plainHandlerFor } from "../harness/runtimes";
import { secretsFor } from "../harness/secrets";
import { interleavedMicrosPerCall, type Subject } from "../harness/timing";
import type { CaseContext } from "./case-context";

const MODES = ["direct_us", "plain_us"] as const;

export async function measureHandlerAlone({ plan, variants, figures }: CaseContext): Promise<void> {
  const store = await startSampleStore({ users: [] });
  try {
    const secrets = secretsFor(store);
    const handlers = variants.map((variant) => ({
      variant,
      direct_us: directHandlerFor(variant, secrets),
      plain_us: plainHandlerFor(variant, secrets),
    }));
    const subjects: Subject[] = handlers.flatMap((handler) =>
      MODES.flatMap((mode) =>
        COMMON_LOGINS.map(({ name, login }) => {
          const event = handler[mode].eventFor(login);
          return { key: `common_login.${name}.${mode}|${handler.variant.id}`, run: () => handler[mode].run(event) };
        }),
      ),
    );
    const samples = await interleavedMicrosPerCall(
      subjects,
      plan.commonBatches,
      plan.commonPerBatch,
      plan.commonWarmup,
    );
    for (const handler of handlers) {
      if (handler.direct_us.writes + handler.plain_us.writes > 0) {
        throw new Error(`${handler.variant.label} wrote metadata on a login that needs no repair`);
      }
      for (const mode of MODES) {
        for (const { name } of COMMON_LOGINS) {
          const metric = `common_login.${name}.${mode}`;
          figures.add(metric, handler.variant.id, samples.get(`${metric}|${handler.variant.id}`) ?? []);
        }
      }
    }
    if (store.requests.length > 0) throw new Error("a login that needs no repair called the legacy store");
  } finally {
    await store.close();
  }
}
