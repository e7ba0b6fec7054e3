/**
 * A connection as `GET /api/v2/connections/{id}` returned it, kept whole: the backup
 * holds it, the concurrent-change check compares against it, and the write starts from
 * its `options` (a PATCH replaces `options` as a whole, so every key must be sent back).
 */
import { isPlainObject } from "../../action/plain-object";
import type { JsonObject } from "../../action/types";

export interface ConnectionCopy {
  id: string;
  name: string;
  strategy?: string;
  /** Absent when the token lacks read:connections_options. */
  options?: JsonObject;
  /** Every field as read. */
  raw: JsonObject;
}

/** The two scripts automatic migration calls, and the only ones `finish` changes. */
export const MIGRATION_SCRIPTS = ["login", "get_user"] as const;

export type MigrationScript = (typeof MIGRATION_SCRIPTS)[number];

export type ScriptSet = Partial<Record<MigrationScript, string>>;

export function asConnectionCopy(value: unknown): ConnectionCopy | undefined {
  if (!isPlainObject(value)) return undefined;
  const { id, name, strategy, options } = value;
  if (typeof id !== "string" || typeof name !== "string") return undefined;
  return {
    id,
    name,
    strategy: typeof strategy === "string" ? strategy : undefined,
    options: isPlainObject(options) ? options : undefined,
    raw: value,
  };
}

/** The connection's `login` and `get_user` scripts; absent when it has none. */
export function migrationScripts(options: JsonObject | undefined): ScriptSet {
  const scripts = options?.customScripts;
  if (!isPlainObject(scripts)) return {};
  const found: ScriptSet = {};
  for (const name of MIGRATION_SCRIPTS) {
    const text = scripts[name];
    if (typeof text === "string") found[name] = text;
  }
  return found;
}

/** The names of the encrypted settings the scripts read (`options.configuration`). */
export function configurationKeys(options: JsonObject | undefined): string[] {
  const configuration = options?.configuration;
  return isPlainObject(configuration) ? Object.keys(configuration).sort() : [];
}
