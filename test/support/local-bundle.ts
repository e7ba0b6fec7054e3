/**
 * The bundle as built from today's sources, run in the local Actions runtime: what the
 * end-to-end tests exercise. Built once per test file.
 */

import { runtimeForBundle } from "../../src/local/bundle-source";
import { actionLogFields, keptLog, type LogLineFields } from "../../src/local/log-fields";
import type { FlowResult } from "../../src/local/runtime/flow-result";
import type { LocalUser } from "../../src/local/runtime/post-login-event";
import type { RuntimeOptions } from "../../src/local/runtime/post-login-runtime";
import type { SampleStore } from "../../src/local/sample-store/server";
import { storeSecrets } from "../../src/local/sample-store/store-secrets";
import { bundleText } from "../../src/shared/build-config";

let built: Promise<string> | undefined;

export function builtBundle(): Promise<string> {
  built ??= bundleText();
  return built;
}

/** A fresh instance: empty module state and cache, as after a cold start. */
export async function bundleRuntime(secrets: Record<string, string>, options?: RuntimeOptions) {
  return runtimeForBundle(await builtBundle(), secrets, options);
}

export function migratedUser(legacyId: string, metadata: Partial<LocalUser> = {}): LocalUser {
  return {
    user_id: `auth0|${legacyId}`,
    email: `user${legacyId}@example.com`,
    identities: [{ connection: "legacy-db", provider: "auth0", user_id: legacyId, isSocial: false }],
    user_metadata: {},
    app_metadata: {},
    ...metadata,
  };
}

/** The Action's log line of this execution, as fields; undefined when it logged nothing. */
export function logOf(result: FlowResult): LogLineFields | undefined {
  return actionLogFields(keptLog(result));
}

/** The Action's secrets pointing at the sample store, by legacy id, plus `extra`. */
export function sampleStoreSecrets(store: SampleStore, extra: Record<string, string> = {}): Record<string, string> {
  return { ...storeSecrets(store), ...extra };
}
