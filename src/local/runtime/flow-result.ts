/** What one execution of the post-login flow did, as the local runtime reports it. */
import type { MetadataWrite, PersistRefusal } from "./pending-metadata";
import type { LocalUser } from "./post-login-event";
import type { UnloadableProfile } from "./unloadable-profile";

export interface ActionLog {
  action: string;
  /** What Auth0 would keep: the execution's output cut at 256 characters. */
  kept: string;
  /** Everything printed, to show what the cut lost. */
  full: string;
}

export type FlowError =
  | { code: "action_threw"; action: string; message: string }
  | { code: "timeout"; action?: string; message: string }
  | { code: PersistRefusal["code"]; target: PersistRefusal["target"]; message: string }
  | UnloadableProfile;

export type FlowOutcome =
  | { status: "completed" }
  | { status: "denied"; action: string; reason: string }
  | { status: "failed"; error: FlowError };

export type FlowResult = FlowOutcome & {
  /** The stored user after the flow: unchanged unless the profile update went through. */
  user: LocalUser;
  /** Every metadata write the Actions asked for, in order. */
  writes: MetadataWrite[];
  /** Whether the deferred writes reached the (local) user store. */
  persisted: boolean;
  claims: { id_token: Record<string, unknown>; access_token: Record<string, unknown> };
  logs: ActionLog[];
  durationMs: number;
  /** Which instance ran the Actions (0-based); undefined when the login failed before any ran. */
  instance?: number;
  /** The `api.cache` keys the execution found when it started. */
  cacheKeysAtStart: string[];
};
