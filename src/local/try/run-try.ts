/**
 * `npm run try`: one login through the built Action in the local runtime, against the
 * legacy API the configuration names. It prints what the Action would write, what it
 * would skip and why, and its log line, and writes nothing anywhere.
 */

import { type Config, parseConfig } from "../../action/config";
import type { MetadataSource } from "../../action/metadata-map";
import { explainConfigProblem } from "../../shared/config-problem-text";
import { EnvFileError } from "../../shared/env-file";
import { missingLookup } from "../../shared/smoke/smoke-event";
import { describeBundleOrigin, loadBundleCode, runtimeForBundle } from "../bundle-source";
import { actionLogFields, keptLog, type LogLineFields } from "../log-fields";
import { nodeVersionNotice } from "../node-version-notice";
import type { FlowResult } from "../runtime/flow-result";
import type { LoginInput } from "../runtime/post-login-event";
import { RecordingFetch } from "./recording-fetch";
import { parseTryArgs, TRY_USAGE, type TryArgs } from "./try-args";
import { storeOrigin } from "./try-explain";
import { readProfileFile, tryUser } from "./try-profile";
import { printLogin } from "./try-report";
import { collectSecrets, type TrySecrets } from "./try-secrets";

export const TRY_EXIT = { ok: 0, legacyProblem: 1, usage: 2 } as const;

export interface TryIo {
  env: Readonly<Record<string, string | undefined>>;
  out(line: string): void;
  /** The network; the global fetch by default (tests pass msw's). */
  fetch?: typeof fetch;
}

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

/** How one metadata object is read from the record: at a path, or through its map. */
function describeSource(side: "user" | "app", source: MetadataSource): string {
  if ("path" in source) return `${side}_metadata at ${source.path.join(".")}`;
  const keys = source.map.length;
  return `${side}_metadata through LEGACY_${side.toUpperCase()}_METADATA_MAP (${keys} key${keys === 1 ? "" : "s"})`;
}

function describeConfig(config: Config, secrets: TrySecrets, io: TryIo): void {
  const names = Object.entries(secrets.sources).map(([name, source]) => `${name} (${source})`);
  io.out(`Configuration: ${names.join(", ")}`);
  io.out(`  legacy store ${storeOrigin(config)}`);
  io.out(`  auth ${config.auth.kind}, timeout ${config.timeoutMs} ms, on legacy error: ${config.onLegacyError}`);
  io.out(`  ${describeSource("user", config.userMetadataSource)}, ${describeSource("app", config.appMetadataSource)}`);
}

/** 0 when the Action got an answer or had nothing to do; 1 when the store failed or the login would fail. */
function exitCodeOf(result: FlowResult, fields: LogLineFields | undefined): number {
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
  const lookupProblem = missingLookup(config, args);
  if (lookupProblem) return usage(io, lookupProblem);
  const profile = readProfileFile(args.profile);
  if (!profile.ok) return usage(io, profile.problem);

  const [firstConnection = ""] = config.connections;
  const connection = args.connection ?? firstConnection;
  const notice = nodeVersionNotice();
  if (notice) io.out(notice);
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
  const fields = actionLogFields(keptLog(result));
  await printLogin(result, fields, login, config, recorder, io.out);
  return exitCodeOf(result, fields);
}
