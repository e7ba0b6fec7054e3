/**
 * What `smoke` prints, for a person or (`--json`) for a script: the Action's log line as
 * Auth0 returned it, what the Action would have written, and the verdict. `--json` also
 * carries the event sent and Auth0's whole answer, as received.
 */
import { MARKER_KEY } from "../../action/metadata-rules";
import type { SmokeResult, WouldWrite } from "./run-smoke";
import { SMOKE_PROVIDER } from "./smoke-event";
import { VERDICT_HEADLINES } from "./smoke-verdict";

const RAW_PREVIEW = 400;

function writesLine(writes: WouldWrite | undefined): string {
  if (writes === undefined) return "Would write: nothing";
  const marker = `the marker app_metadata.${MARKER_KEY} with status ${writes.marker}`;
  if (writes.marker === "not_found") return `Would write: only ${marker}`;
  const skipped = writes.skippedKeys > 0 ? `, skipping ${writes.skippedKeys} key(s) it cannot store as they are` : "";
  return `Would write: ${writes.userKeys} user_metadata key(s) and ${writes.appKeys} app_metadata key(s)${skipped}, and ${marker}`;
}

function answerLines(result: SmokeResult): string[] {
  const { answer } = result;
  if (answer.kind === "unexpected") {
    const raw = answer.text ?? (answer.json === undefined ? undefined : JSON.stringify(answer.json));
    if (raw === undefined) return [`Auth0's answer could not be read: ${answer.why}`];
    const cut = raw.length > RAW_PREVIEW ? `${raw.slice(0, RAW_PREVIEW)}…` : raw;
    return [
      `Auth0's answer has an unexpected shape: ${answer.why}. As received${raw.length > RAW_PREVIEW ? ` (first ${RAW_PREVIEW} characters)` : ""}:`,
      `  ${JSON.stringify(cut)}`,
    ];
  }
  const lines = answer.log
    ? [`Log line, as Auth0 returned it (${answer.log.at}):`, `  ${answer.log.line}`]
    : ["Log line: none in Auth0's answer"];
  const stats = Object.entries(answer.stats).map(([name, value]) => `${name}=${value}`);
  if (stats.length > 0) lines.push(`Auth0's figures (ms): ${stats.join(" ")}`);
  if (answer.otherKeys.length > 0) lines.push(`Other parts of the answer: ${answer.otherKeys.join(", ")} (see --json)`);
  return lines;
}

export function smokeReportLines(result: SmokeResult): string[] {
  const { action, finding } = result;
  const lines = [
    `Smoke test: the Action "${action.name}" (${action.id}) run in Auth0's runtime at ${result.domain}`,
    `  for a synthetic first login through "${result.connection}" with empty metadata, as user ${result.userId}`,
    `  (the "${SMOKE_PROVIDER}" provider exists in no tenant, so no user has that id)`,
  ];
  if (action.allChangesDeployed === false) {
    lines.push("  note: the Action has changes that are not deployed; Auth0 tested its current draft");
  }
  lines.push("", ...answerLines(result), writesLine(result.wouldWrite), "");
  lines.push(`Verdict: ${VERDICT_HEADLINES[finding.verdict]}: ${finding.detail}.`);
  if (finding.secret) lines.push(`  secret to check: ${finding.secret}`);
  if (finding.hint) lines.push(`  ${finding.hint}`);
  lines.push("Nothing was written to any user: the test ran for a user id no tenant user can have.");
  return lines;
}

export function smokeReportJson(result: SmokeResult): string {
  const { action, answer, finding } = result;
  return JSON.stringify(
    {
      action: {
        id: action.id,
        name: action.name,
        status: action.status,
        all_changes_deployed: action.allChangesDeployed,
      },
      user_id: result.userId,
      connection: result.connection,
      event: result.event,
      answer: answer.json ?? null,
      ...(answer.kind === "unexpected" && answer.text !== undefined ? { answer_text: answer.text } : {}),
      log_line: answer.kind === "ran" ? (answer.log?.line ?? null) : null,
      log_fields: result.fields ?? null,
      would_write: result.wouldWrite ?? null,
      verdict: finding.verdict,
      ok: finding.verdict === "store_answered",
      summary: `${VERDICT_HEADLINES[finding.verdict]}: ${finding.detail}`,
      secret: finding.secret ?? null,
      hint: finding.hint ?? null,
    },
    null,
    2,
  );
}
