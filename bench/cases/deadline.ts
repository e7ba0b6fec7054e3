/**
 * Group 5: a legacy store that accepts the request and never answers. Each run needs a
 * fresh instance (a remembered outage would make the next login skip at once). Every
 * instance first repairs one user while the store is healthy, so it is warm, as Auth0's
 * instances usually are (cold start is group 2); then the store stops answering and all
 * runs, which wait on timers and not on the CPU, run at the same time. A variant that
 * ignores the budget waits for Auth0's 20 s limit: those runs are left to finish in the
 * background while a quiet case runs beside them, instead of holding the run for 20 s.
 */
import type { FlowResult } from "../../src/local/runtime/flow-result";
import type { PostLoginRuntime } from "../../src/local/runtime/post-login-runtime";
import { startSampleStore } from "../../src/local/sample-store/server";
import { DEADLINE_BUDGETS_MS } from "../figure-catalog";
import { legacyUser, migratedLogin, typicalMetadata } from "../harness/logins";
import { runtimeFor } from "../harness/runtimes";
import { secretsFor } from "../harness/secrets";
import type { Variant } from "../variants";
import type { CaseContext } from "./case-context";

interface DeadlineRun {
  variant: Variant;
  budget: number;
  runtime: PostLoginRuntime;
  ms: number;
  result: FlowResult;
}

function describeResult(result: FlowResult): string {
  if (result.status === "failed") return `login failed (${result.error.code})`;
  const line = result.logs[0]?.kept ?? "";
  const outcome = /outcome=(\w+)/.exec(line)?.[1];
  return outcome ? `login ${result.status}, outcome=${outcome}` : `login ${result.status}`;
}

/** Runs that honour their budget have ended by then; the others are left to finish in the background. */
const GRACE_MS = 1000;

function addFigures({ variants, figures, notes }: CaseContext, runs: readonly DeadlineRun[], only: readonly Variant[]) {
  for (const variant of variants.filter((candidate) => only.includes(candidate))) {
    for (const budget of DEADLINE_BUDGETS_MS) {
      const mine = runs.filter((run) => run.variant === variant && run.budget === budget);
      figures.add(
        `deadline.budget_${budget}ms`,
        variant.id,
        mine.map((run) => run.ms),
      );
      const outcomes = [...new Set(mine.map((run) => describeResult(run.result)))].join("; ");
      notes.push(`Deadline ${budget} ms, ${variant.label}: ${outcomes}.`);
    }
  }
}

export async function measureDeadline(context: CaseContext): Promise<void> {
  const { plan, variants } = context;
  const warmUser = legacyUser("8002", typicalMetadata(8002));
  const store = await startSampleStore({ users: [legacyUser("8001", {}), warmUser] });
  const login = migratedLogin("8001", {});
  const warmLogin = migratedLogin(warmUser.legacy_id, {});
  let instances: Array<{ variant: Variant; budget: number; runtime: PostLoginRuntime }>;
  try {
    // Every instance is loaded and warmed before any measured login starts: loading a
    // large bundle blocks the event loop, and would delay the timers of logins under way.
    instances = variants.flatMap((variant) =>
      DEADLINE_BUDGETS_MS.flatMap((budget) =>
        Array.from({ length: plan.deadlineRuns }, () => ({
          variant,
          budget,
          runtime: runtimeFor(variant, secretsFor(store, budget), { executionLimitMs: plan.executionLimitMs }),
        })),
      ),
    );
    for (const { variant, runtime } of instances) {
      const warm = await runtime.execute(warmLogin);
      if (warm.writes.length === 0) throw new Error(`${variant.label} did not repair the warm-up user`);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  store.setFaults({ hang: true });
  const ended: DeadlineRun[] = [];
  const pending = instances.map(async ({ variant, budget, runtime }) => {
    const started = performance.now();
    const result = await runtime.execute(login);
    ended.push({ variant, budget, runtime, ms: performance.now() - started, result });
  });
  const all = Promise.all(pending);
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, Math.max(...DEADLINE_BUDGETS_MS) + GRACE_MS))]);
  const done = variants.filter((variant) =>
    instances.every((run) => run.variant !== variant || ended.some((end) => end.runtime === run.runtime)),
  );
  addFigures(context, ended, done);
  const rest = variants.filter((variant) => !done.includes(variant));
  if (rest.length === 0) return store.close();
  context.background.push(all.then(() => addFigures(context, ended, rest)).finally(() => store.close()));
}
