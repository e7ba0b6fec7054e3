/**
 * `api.user.setUserMetadata` / `setAppMetadata` as Auth0 runs them: each call sets one
 * top-level key (`null` deletes it), nothing is stored until the flow ends, later
 * Actions of the same flow already see the result, and the one profile update at the
 * end is refused when Auth0 would refuse it. Stored metadata that is not an object never
 * gets here: the login fails before any Action runs (unloadable-profile.ts).
 */
import { METADATA_BUDGET_BYTES, RESERVED_APP_METADATA_KEYS } from "../../action/metadata-rules";

export type MetadataName = "user_metadata" | "app_metadata";

export interface StoredMetadata {
  user_metadata?: unknown;
  app_metadata?: unknown;
}

export interface MetadataWrite {
  action: string;
  target: MetadataName;
  key: string;
  /** A JSON copy of what was set; `undefined` for a value JSON cannot hold (`undefined`, a function). */
  value: unknown;
}

export type PersistRefusal = {
  code: "metadata_too_large" | "invalid_metadata_key" | "payload_validation_error";
  target: MetadataName;
  message: string;
};

export type Persisted = { ok: true; metadata: StoredMetadata } | { ok: false; refusal: PersistRefusal };

const FORBIDDEN_IN_NAME = /[.$]/;

/** What Auth0 logs when the profile update carries a value JSON cannot hold. */
const PAYLOAD_VALIDATION_MESSAGE = "user update failed: Payload validation error: 'None of the valid schemas were met'";

/*
 * The bundle tests check the Action against this runtime, so it judges with its own code
 * (this object test, Buffer's byte count, Auth0's "." / "$" rule rather than the Action's
 * stricter isForbiddenKeyName), never the Action's helpers: a shared bug would pass unseen.
 */
export function isObjectRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a field name at any depth is one Auth0's store refuses. */
function hasForbiddenName(value: unknown): boolean {
  const stack: unknown[] = [value];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (Array.isArray(item)) stack.push(...item);
    else if (isObjectRecord(item)) {
      for (const [key, child] of Object.entries(item)) {
        if (FORBIDDEN_IN_NAME.test(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

export class PendingMetadata {
  readonly writes: MetadataWrite[] = [];

  constructor(private readonly stored: StoredMetadata) {}

  set(action: string, target: MetadataName, key: unknown, value: unknown): void {
    if (typeof key !== "string") throw new TypeError(`${target} key must be a string`);
    // Snapshot now, as JSON: the value is serialised when the update is sent, and an
    // Action mutating its object afterwards must not change what was set. A value JSON
    // cannot hold is kept as `undefined`, and the update at the end is refused for it.
    const json = JSON.stringify(value);
    this.writes.push({ action, target, key, value: json === undefined ? undefined : JSON.parse(json) });
  }

  /** The metadata a later Action of this flow sees, and what the flow persists. */
  view(target: MetadataName): unknown {
    const own = this.writes.filter((write) => write.target === target);
    const current = this.stored[target];
    if (own.length === 0) return current;
    const merged: Record<string, unknown> = isObjectRecord(current) ? { ...current } : {};
    for (const { key, value } of own) {
      if (value === undefined) continue;
      if (value === null) delete merged[key];
      // defineProperty: a key such as `__proto__` stays a plain field, as in Auth0's store.
      else Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return merged;
  }

  persist(): Persisted {
    const metadata: StoredMetadata = {};
    for (const target of ["user_metadata", "app_metadata"] as const) {
      const own = this.writes.filter((write) => write.target === target);
      const result = this.view(target);
      metadata[target] = result;
      if (own.length === 0) continue;
      for (const { key, value } of own) {
        // Auth0: "Payload validation error: 'None of the valid schemas were met'" for
        // `setAppMetadata(key, undefined)`; null is the way to delete a key.
        if (value === undefined) {
          const detail = `${target}.${key} is undefined; null deletes a key`;
          return refuse("payload_validation_error", target, `${PAYLOAD_VALIDATION_MESSAGE} (${detail})`);
        }
        if (FORBIDDEN_IN_NAME.test(key) || hasForbiddenName(value)) {
          return refuse("invalid_metadata_key", target, `field name contains "." or "$"`);
        }
        if (target === "app_metadata" && RESERVED_APP_METADATA_KEYS.has(key)) {
          return refuse("invalid_metadata_key", target, `"${key}" is reserved by Auth0`);
        }
      }
      const size = Buffer.byteLength(JSON.stringify(result), "utf8");
      if (size > METADATA_BUDGET_BYTES) {
        return refuse("metadata_too_large", target, `${size} bytes, more than ${METADATA_BUDGET_BYTES}`);
      }
    }
    return { ok: true, metadata };
  }
}

function refuse(code: PersistRefusal["code"], target: MetadataName, message: string): Persisted {
  return { ok: false, refusal: { code, target, message } };
}
