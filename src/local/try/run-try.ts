/**
 * `npm run try`: one login through the built Action in the local runtime, against the
 * legacy API the configuration names. It prints what the Action would write, what it
 * would skip and why, and its log line, and writes nothing anywhere.
 */
import { type Config, parseConfig } from "../../action/config";
import { MARKER_KEY } from "../../action/metadata-rules";
import { EnvFileError } from "../../shared/env-file";
import { describeBundleOrigin, loadBundleCode, runtimeForBundle } from "../bundle-source";
import { actionLogFields, keptLog } from "../log-fields";
import type { FlowResult } from "../runtime/flow-result";
import { buildPostLoginEvent, type LoginInput } from "../runtime/post-login-event";
import { analyseKeys, type KeyReport, SKIP_EXPLANATIONS } from "./key-report";
import { displayUrl, RecordingFetch } from "./recording-fetch";
import { parseTryArgs, TRY_USAGE, type TryArgs } from "./try-args";
import { explainConfigProblem, explainOutcome } from "./try-explain";
import { readProfileFile, tryUser } from "./try-profile";
import { collectSecrets, type TrySecrets } from "./try-secrets";

export const TRY_EXIT = { ok: 0, legacyProblem: 1, usage: 2 } as const;

export interface TryIo {
  env: Readonly<Record<string, string | undefined>>;
  out(line: string): void;
  /** The network; the global fetch by default (tests pass msw's). */
  fetch?: typeof fetch;
}

const PREVIEW_LENGTH = 100;

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
}

const SIDE_NAMES = { user: "user_metadata", app: "app_metadata" } as const;

function usage(io: TryIo, problem?: string): number {
  if (problem) io.out(`error: ${problem}\n`);
  io.out(TRY_USAGE);
  return problem ? TRY_EXIT.usage : TRY_EXIT.ok;
}

function readConfiguration(args: TryArgs, io: TryIo): { secrets: TrySecrets; config: Config } | number {
  let secrets: TrySecrets;
  try {
    secrets = collectSecrets(io.env, args.dotenv);
  } catch (error) {
    if (error instanceof EnvFileError) return usage(io, error.message);
    throw error;
  }
  const parsed = parseConfig(secrets.secrets);
  if (!parsed.ok) {
    io.out("The configuration is invalid; the Action would log outcome=config_error and let every login through:");
    for (const problem of parsed.problems) io.out(`  - ${explainConfigProblem(problem)}`);
    io.out(`\nSet the Action's secrets in the environment or in ${args.dotenv.path} (see docs/local-run.md).`);
    return TRY_EXIT.usage;
  }
  return { secrets, config: parsed.config };
}

/** The template was validated as a URL once its placeholders are filled. */
function storeOrigin(config: Config): string {
  return new URL(config.urlTemplate.replace(/\{[a-z_]+\}/g, "x")).origin;
}

function describeConfig(config: Config, secrets: TrySecrets, io: TryIo): void {
  const names = Object.entries(secrets.sources).map(([name, source]) => `${name} (${source})`);
  io.out(`Configuration: ${names.join(", ")}`);
  io.out(`  legacy store ${storeOrigin(config)}`);
  io.out(`  auth ${config.auth.kind}, timeout ${config.timeoutMs} ms, on legacy error: ${config.onLegacyError}`);
}

function missingLookup(args: TryArgs, config: Config): string | undefined {
  if (config.placeholders.includes("legacy_id") && args.legacyId === undefined) {
    return "LEGACY_API_URL uses {legacy_id}: pass --legacy-id <the user's id in the legacy store>";
  }
  if (config.placeholders.includes("username") && args.username === undefined) {
    return "LEGACY_API_URL uses {username}: pass --username <name>";
  }
  return undefined;
}

function printKeys(keys: readonly KeyReport[], io: TryIo): void {
  const groups = [
    ["Would write", "write"],
    ["Would keep (Auth0 already has a value; never overwritten)", "keep"],
    ["Would skip", "skip"],
  ] as const;
  for (const [title, fate] of groups) {
    const chosen = keys.filter((key) => key.fate === fate);
    if (chosen.length === 0) continue;
    io.out(`${title}:`);
    for (const key of chosen) {
      const why = key.reason ? ` – ${SKIP_EXPLANATIONS[key.reason]}` : "";
      const shown = fate === "skip" ? why : ` = ${preview(key.value)}`;
      io.out(`  ${SIDE_NAMES[key.target]}.${JSON.stringify(key.key)}${shown}`);
    }
  }
}

function printWrites(result: FlowResult, io: TryIo): void {
  if (result.writes.length === 0) {
    io.out("Would write: nothing");
    return;
  }
  io.out("Would write:");
  for (const write of result.writes) io.out(`  ${write.target}.${JSON.stringify(write.key)} = ${preview(write.value)}`);
}

async function printOutcome(
  result: FlowResult,
  login: LoginInput,
  config: Config,
  recorder: RecordingFetch,
  io: TryIo,
): Promise<number> {
  const log = keptLog(result);
  const fields = actionLogFields(log);
  io.out("");
  io.out(recorder.exchanges.length === 0 ? "Legacy calls: none" : "Legacy calls:");
  for (const exchange of recorder.exchanges) {
    io.out(`  ${exchange.method} ${displayUrl(exchange.url)} -> ${exchange.status ?? exchange.error ?? "no answer"}`);
  }
  io.out(`Log line: ${log === "" ? "(none: the Action had nothing to do and stayed silent)" : log}`);
  if (result.status === "failed") io.out(`The login would fail: ${result.error.code} (${result.error.message})`);
  if (result.status === "denied") io.out(`The login would be denied: "${result.reason}" (ON_LEGACY_ERROR=deny)`);
  io.out("");

  if (fields?.outcome === "repaired") {
    const recordText = await recorder.lastRecordText();
    const event = buildPostLoginEvent(login, (target) => login.user[target], {}, new Date());
    const analysis = recordText ? analyseKeys(recordText, event, config) : undefined;
    if (analysis?.ok) printKeys(analysis.keys, io);
    else printWrites(result, io);
    const marker = result.writes.find((write) => write.target === "app_metadata" && write.key === MARKER_KEY);
    if (marker) io.out(`  and the marker app_metadata.${MARKER_KEY} = ${preview(marker.value)}`);
  } else {
    printWrites(result, io);
  }
  await recorder.discard();

  const explanation = fields ? explainOutcome(fields, config, storeOrigin(config)) : undefined;
  if (explanation) io.out(`\n${explanation}`);
  if (fields === undefined && result.status === "completed") {
    io.out(
      "The Action skipped this login: not a migration connection, a refresh token, already marked, or nothing missing.",
    );
  }
  io.out("\nNothing was written anywhere: this ran in the local Actions runtime.");
  const fine = fields === undefined || fields.outcome === "repaired" || fields.outcome === "not_found";
  return fine && result.status !== "failed" ? TRY_EXIT.ok : TRY_EXIT.legacyProblem;
}

export async function runTry(argv: readonly string[], io: TryIo): Promise<number> {
  const parsedArgs = parseTryArgs(argv);
  if (!parsedArgs.ok) return usage(io, parsedArgs.problem);
  const { args } = parsedArgs;
  const configuration = readConfiguration(args, io);
  if (typeof configuration === "number") return configuration;
  const { config, secrets } = configuration;
  const lookupProblem = missingLookup(args, config);
  if (lookupProblem) return usage(io, lookupProblem);
  const profile = readProfileFile(args.profile);
  if (!profile.ok) return usage(io, profile.problem);

  const [firstConnection = ""] = config.connections;
  const connection = args.connection ?? firstConnection;
  describeConfig(config, secrets, io);
  if (!config.connections.has(connection)) {
    io.out(`Note: ${connection} is not in MIGRATION_CONNECTIONS; the Action skips users of other connections.`);
  }

  const bundle = await loadBundleCode();
  io.out(`Action: ${describeBundleOrigin(bundle.origin)}`);
  const recorder = new RecordingFetch(io.fetch);
  const runtime = runtimeForBundle(bundle.code, secrets.secrets, { fetch: recorder.fetch });
  const login: LoginInput = { user: tryUser(args, connection, profile.metadata), connection: { name: connection } };
  const result = await runtime.execute(login);
  return printOutcome(result, login, config, recorder, io);
}
