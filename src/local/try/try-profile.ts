/** The user `npm run try` signs in: the command-line facts plus their current Auth0 metadata. */
import { readFileSync } from "node:fs";
import { isPlainObject } from "../../action/plain-object";
import type { LocalUser } from "../runtime/post-login-event";
import type { TryArgs } from "./try-args";

export type CurrentMetadata = Pick<LocalUser, "user_metadata" | "app_metadata">;

export type ProfileFile = { ok: true; metadata: CurrentMetadata } | { ok: false; problem: string };

/** Without a file: both empty, as after a migration that lost everything. */
export function readProfileFile(path: string | undefined): ProfileFile {
  if (path === undefined) return { ok: true, metadata: { user_metadata: {}, app_metadata: {} } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : "not valid JSON";
    return { ok: false, problem: `--profile ${path}: ${detail}` };
  }
  if (!isPlainObject(parsed)) {
    return { ok: false, problem: `--profile ${path}: expected a JSON object with user_metadata and/or app_metadata` };
  }
  const { user_metadata, app_metadata } = parsed;
  return { ok: true, metadata: { user_metadata: user_metadata ?? {}, app_metadata: app_metadata ?? {} } };
}

export function tryUser(args: TryArgs, connection: string, metadata: CurrentMetadata): LocalUser {
  const identityId = args.legacyId ?? "try-user";
  return {
    user_id: `auth0|${identityId}`,
    email: args.email,
    email_verified: true,
    ...(args.username === undefined ? {} : { username: args.username }),
    identities: [{ connection, provider: "auth0", user_id: identityId, isSocial: false }],
    created_at: new Date().toISOString(),
    logins_count: 1,
    ...metadata,
  };
}
