/**
 * The write, with the care a connection holding every user's way in deserves. Auth0's
 * connections carry no version or ETag, so a change made by someone else is caught by
 * reading the connection again just before the write and comparing it, field by field,
 * with the copy the plan was made from (the encrypted configuration reads the same until
 * something writes it). A 429 changed nothing: the rate governor waits it out, and the
 * read and the comparison come again before the next try, so the pause never stands
 * between them and the write. Then the tenant's answer is checked against what was sent.
 */
import { isDeepStrictEqual } from "node:util";
import { isPlainObject } from "../../action/plain-object";
import type { JsonObject } from "../../action/types";
import { StepFailure } from "../../shared/step-failure";
import type { ConnectionApi } from "./connection-api";
import { type ConnectionCopy, configurationKeys, MIGRATION_SCRIPTS, migrationScripts } from "./connection-copy";
import { FinishRefusal } from "./finish-refusal";
import type { ScriptPlan } from "./script-plan";

/** The fields (options one level down) whose values differ between two copies. */
function changedFields(before: JsonObject, after: JsonObject): string[] {
  const fields: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [was, is] = [before[key], after[key]];
    if (isDeepStrictEqual(was, is)) continue;
    if (key === "options" && isPlainObject(was) && isPlainObject(is)) {
      fields.push(...changedFields(was, is).map((name) => `options.${name}`));
    } else {
      fields.push(key);
    }
  }
  return fields.sort();
}

/** Where the tenant's answer differs from what was sent (keys it added are its own business). */
function answerDifferences(plan: ScriptPlan, answer: ConnectionCopy | undefined): string[] {
  const sent = plan.body.options;
  if (!isPlainObject(sent)) return [];
  if (answer?.options === undefined) return ["the answer holds no options"];
  const got = answer.options;
  const written = migrationScripts(got);
  const differences = MIGRATION_SCRIPTS.filter((name) => written[name] !== plan.after[name]).map(
    (name) => `options.customScripts.${name}`,
  );
  for (const key of Object.keys(sent)) {
    if (key === "configuration") {
      const same = isDeepStrictEqual(configurationKeys(got), configurationKeys(sent));
      if (!same) differences.push("options.configuration (its keys)");
    } else if (key !== "customScripts" && !isDeepStrictEqual(got[key], sent[key])) {
      differences.push(`options.${key}`);
    }
  }
  const otherScripts = (options: JsonObject) => {
    const scripts = isPlainObject(options.customScripts) ? { ...options.customScripts } : {};
    for (const name of MIGRATION_SCRIPTS) delete scripts[name];
    return scripts;
  };
  if (!isDeepStrictEqual(otherScripts(got), otherScripts(sent)))
    differences.push("options.customScripts (other scripts)");
  return differences;
}

/** Whether a failed write may have been applied: only a refusal (4xx) or a call that never left says no. */
function mayHaveApplied(failure: StepFailure): boolean {
  const { failure: cause } = failure;
  if (cause.kind === "status") return cause.status >= 500;
  return cause.kind !== "dns" && cause.kind !== "refused" && cause.kind !== "tls";
}

export async function guardedWrite(
  api: ConnectionApi,
  copy: ConnectionCopy,
  plan: ScriptPlan,
  backupPath: string,
): Promise<string[]> {
  // Set while the connection is read again: a failure then is not the write's, and says nothing of it.
  let rereading = false;
  const unchangedSincePlan = async () => {
    rereading = true;
    const current = await api.read(copy.id, `reading the connection "${copy.name}" again just before the write`);
    const changed = changedFields(copy.raw, current.raw);
    if (changed.length > 0) {
      throw new FinishRefusal("changed_concurrently", `changed since the plan was made: ${changed.join(", ")}`);
    }
    rereading = false;
  };
  await unchangedSincePlan();
  try {
    // After a 429 the rate governor waits it out, then runs the read and the comparison again before the next try.
    return answerDifferences(plan, await api.write(copy.id, copy.name, plan.body, unchangedSincePlan));
  } catch (error) {
    if (!(error instanceof StepFailure) || rereading) throw error;
    error.changed = mayHaveApplied(error)
      ? `the write may have been applied: read the connection (finish --dry-run shows its scripts); the backup is ${backupPath}`
      : `nothing was changed in the tenant (the write was refused or never sent); the backup is ${backupPath}`;
    throw error;
  }
}
