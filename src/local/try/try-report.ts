/**
 * What `npm run try` prints about the one login it ran: the calls the Action made, its
 * log line, what it would write, keep or skip key by key, and what went wrong. Printing
 * only: deciding the exit code is run-try's job.
 */
import type { Config } from "../../action/config";
import { MARKER_KEY } from "../../action/metadata-rules";
import { keptLog, type LogLineFields } from "../log-fields";
import type { FlowResult } from "../runtime/flow-result";
import { buildPostLoginEvent, type LoginInput } from "../runtime/post-login-event";
import { analyseKeys, type KeyReport, SKIP_EXPLANATIONS } from "./key-report";
import { displayUrl, type RecordingFetch } from "./recording-fetch";
import { explainOutcome, storeOrigin } from "./try-explain";

const PREVIEW_LENGTH = 100;

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
}

const SIDE_NAMES = { user: "user_metadata", app: "app_metadata" } as const;

type Out = (line: string) => void;

/** `marker`: the marker line, printed with the writes (never under a later group, where it would read as skipped). */
function printKeys(keys: readonly KeyReport[], marker: string | undefined, out: Out): void {
  const groups = [
    ["Would write", "write"],
    ["Would keep (Auth0 already has a value; never overwritten)", "keep"],
    ["Would skip", "skip"],
    ["Nothing at the mapped path (absent or null: no key)", "absent"],
  ] as const;
  for (const [title, fate] of groups) {
    const chosen = keys.filter((key) => key.fate === fate);
    const withMarker = fate === "write" && marker !== undefined;
    if (chosen.length === 0 && !withMarker) continue;
    out(`${title}:`);
    for (const key of chosen) {
      const why = key.reason ? ` – ${SKIP_EXPLANATIONS[key.reason]}` : "";
      const shown = fate === "skip" ? why : fate === "absent" ? "" : ` = ${preview(key.value)}`;
      // A mapped key says where in the record it was read, before what happened to it.
      const from = key.from === undefined ? "" : ` ← ${key.from}`;
      out(`  ${SIDE_NAMES[key.target]}.${JSON.stringify(key.key)}${from}${shown}`);
    }
    if (withMarker) out(`  ${chosen.length > 0 ? "and the marker" : "the marker"} ${marker}`);
  }
}

function printWrites(result: FlowResult, out: Out): void {
  if (result.writes.length === 0) {
    out("Would write: nothing");
    return;
  }
  out("Would write:");
  for (const write of result.writes) out(`  ${write.target}.${JSON.stringify(write.key)} = ${preview(write.value)}`);
}

/** Key by key from the record the Action received, or the writes it asked for when the record cannot be read again. */
async function printRepair(result: FlowResult, login: LoginInput, config: Config, recorder: RecordingFetch, out: Out) {
  const recordText = await recorder.lastRecordText();
  const event = buildPostLoginEvent(login, (target) => login.user[target], {}, new Date());
  const analysis = recordText ? analyseKeys(recordText, event, config) : undefined;
  const marker = result.writes.find((write) => write.target === "app_metadata" && write.key === MARKER_KEY);
  const markerLine = marker ? `app_metadata.${MARKER_KEY} = ${preview(marker.value)}` : undefined;
  if (analysis?.ok) {
    printKeys(analysis.keys, markerLine, out);
    return;
  }
  printWrites(result, out);
  if (markerLine) out(`  and the marker ${markerLine}`);
}

function printFlow(result: FlowResult, out: Out): void {
  if (result.status === "denied") out(`The login would be denied: "${result.reason}" (ON_LEGACY_ERROR=deny)`);
  if (result.status !== "failed") return;
  const { error } = result;
  if (error.code === "metadata_not_object") {
    out(`The login would fail before any Action runs: Auth0 cannot load a profile whose ${error.target} is not`);
    out(`an object (${error.message}).`);
    out("Nothing here overwrites it: fix the profile by hand (README: Metadata that is not an object).");
    return;
  }
  out(`The login would fail: ${error.code} (${error.message})`);
}

/** `fields`: the Action's log line as run-try read it once, for its exit code as well. */
export async function printLogin(
  result: FlowResult,
  fields: LogLineFields | undefined,
  login: LoginInput,
  config: Config,
  recorder: RecordingFetch,
  out: Out,
): Promise<void> {
  const log = keptLog(result);
  const ranNoAction = result.instance === undefined;
  out("");
  out(recorder.exchanges.length === 0 ? "Legacy calls: none" : "Legacy calls:");
  for (const exchange of recorder.exchanges) {
    out(`  ${exchange.method} ${displayUrl(exchange.url)} -> ${exchange.status ?? exchange.error ?? "no answer"}`);
  }
  const silence = ranNoAction ? "(none: no Action ran)" : "(none: the Action had nothing to do and stayed silent)";
  out(`Log line: ${log === "" ? silence : log}`);
  printFlow(result, out);
  out("");

  if (fields?.outcome === "repaired") await printRepair(result, login, config, recorder, out);
  else printWrites(result, out);
  await recorder.discard();

  const explanation = fields ? explainOutcome(fields, config, storeOrigin(config)) : undefined;
  if (explanation) out(`\n${explanation}`);
  if (fields === undefined && result.status === "completed") {
    out(
      "The Action skipped this login: not a migration connection, a refresh token, already marked, or nothing missing.",
    );
  }
  out("\nNothing was written anywhere: this ran in the local Actions runtime.");
}
