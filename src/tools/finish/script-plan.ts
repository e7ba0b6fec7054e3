/**
 * The write that changes the `login` and `get_user` scripts and nothing else. A PATCH
 * replaces `options` as a whole, so the body carries every option exactly as read, with
 * only those two scripts changed; the encrypted configuration goes back as the plain
 * values the operator gave (see configuration-values.ts). `display_name` and `realms`
 * go back as read too: Auth0 documents that leaving them out resets them.
 */
import { isPlainObject } from "../../action/plain-object";
import type { JsonObject } from "../../action/types";
import type { ConfigurationValues } from "./configuration-values";
import {
  type ConnectionCopy,
  configurationKeys,
  MIGRATION_SCRIPTS,
  type MigrationScript,
  migrationScripts,
  type ScriptSet,
} from "./connection-copy";
import { FinishRefusal } from "./finish-refusal";

export interface ScriptPlan {
  before: ScriptSet;
  after: ScriptSet;
  /** The scripts the write changes, in MIGRATION_SCRIPTS order; none when they already are what was asked for. */
  changed: MigrationScript[];
  /** The PATCH body. */
  body: JsonObject;
  configurationKeys: string[];
}

/** Top-level fields sent back as read (a PATCH without them resets them). */
const ECHOED_FIELDS = ["display_name", "realms"] as const;

function configurationToSend(copy: ConnectionCopy, values: ConfigurationValues | undefined): JsonObject | undefined {
  const stored = configurationKeys(copy.options);
  const given = values === undefined ? [] : Object.keys(values).sort();
  if (stored.length > 0 && values === undefined) {
    throw new FinishRefusal(
      "configuration_values_needed",
      `"${copy.name}" holds ${stored.length} configuration key(s): ${stored.join(", ")}`,
    );
  }
  const missing = stored.filter((key) => !given.includes(key));
  const extra = given.filter((key) => !stored.includes(key));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`missing ${missing.join(", ")}`] : []),
      ...(extra.length > 0 ? [`not in the connection: ${extra.join(", ")}`] : []),
    ];
    throw new FinishRefusal("configuration_keys_differ", parts.join("; "));
  }
  return values === undefined ? undefined : { ...values };
}

export function planScripts(
  copy: ConnectionCopy,
  options: JsonObject,
  target: ScriptSet,
  values: ConfigurationValues | undefined,
): ScriptPlan {
  const before = migrationScripts(options);
  const configuration = configurationToSend(copy, values);
  const scripts: JsonObject = isPlainObject(options.customScripts) ? { ...options.customScripts } : {};
  for (const name of MIGRATION_SCRIPTS) {
    const text = target[name];
    if (text === undefined) delete scripts[name];
    else scripts[name] = text;
  }
  const sent: JsonObject = { ...structuredClone(options), customScripts: scripts };
  if (configuration !== undefined) sent.configuration = configuration;
  const body: JsonObject = { options: sent };
  for (const field of ECHOED_FIELDS) if (copy.raw[field] !== undefined) body[field] = structuredClone(copy.raw[field]);
  return {
    before,
    after: migrationScripts(sent),
    changed: MIGRATION_SCRIPTS.filter((name) => before[name] !== target[name]),
    body,
    configurationKeys: configurationKeys(options),
  };
}
