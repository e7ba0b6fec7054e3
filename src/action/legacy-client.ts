/**
 * Fetches one user's record from the legacy store within the login's time budget:
 * transient failures are retried while the budget allows, everything else is final.
 */

import { backoffMs } from "./backoff";
import type { Config } from "./config";
import type { Deadline } from "./deadline";
import { discardBody } from "./discard-body";
import { atTokenEndpoint, classifyStatus, classifyThrown, type HttpFailure, invalid } from "./http-failure";
import { nestsTooDeep } from "./json-depth";
import { authHeaders } from "./legacy-auth";
import { forgetToken } from "./oauth-token";
import { readCappedText } from "./read-body";
import type { PostLoginCache } from "./types";

export const BODY_CAP_BYTES = 256 * 1024;
export const MAX_ATTEMPTS = 4;
const MAX_SAME_ORIGIN_REDIRECTS = 3;
const FIRST_BACKOFF_MS = 100;
/** An attempt started with less time than this left would only burn the budget. */
const MIN_ATTEMPT_MS = 100;

export interface LegacyDeps {
  fetch: typeof fetch;
  cache: PostLoginCache;
  deadline: Deadline;
}

export type LegacyFetch =
  | { kind: "found"; body: unknown; attempts: number }
  | { kind: "not_found"; attempts: number }
  | { kind: "failed"; attempts: number; failure: HttpFailure };

type Attempt =
  | { kind: "found"; body: unknown }
  | { kind: "not_found" }
  | { kind: "failed"; failure: HttpFailure; retryNow?: boolean };

const failed = (failure: HttpFailure): Attempt => ({ kind: "failed", failure });

function isJsonMediaType(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || type.endsWith("+json");
}

async function readRecord(response: Response): Promise<Attempt> {
  if (!isJsonMediaType(response.headers.get("content-type"))) {
    discardBody(response.body);
    return failed(invalid("not_json", 200));
  }
  const text = await readCappedText(response, BODY_CAP_BYTES);
  if (!text.ok) return failed(invalid(text.reason, 200));
  if (nestsTooDeep(text.text)) return failed(invalid("json_too_deep", 200));
  try {
    return { kind: "found", body: JSON.parse(text.text) };
  } catch {
    return failed(invalid("invalid_json", 200));
  }
}

type RedirectRefusal = "redirect_other_origin" | "redirect_invalid_location" | "redirect_with_credentials";

/** Where a redirect may be followed, or why not: this is the store's answer, not a network failure. */
function redirectTarget(location: string, current: string, origin: string): URL | RedirectRefusal {
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    return "redirect_invalid_location";
  }
  if (next.origin !== origin) return "redirect_other_origin";
  // fetch refuses a URL with credentials; and the store has no business sending its own.
  return next.username === "" && next.password === "" ? next : "redirect_with_credentials";
}

/**
 * Redirects are followed by hand and only within the same origin: following one to
 * another host would hand the legacy API's credentials to whoever it names.
 */
async function getFollowingSameOrigin(url: string, headers: Record<string, string>, deps: LegacyDeps) {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await deps.fetch(current, {
      headers: { accept: "application/json", ...headers },
      redirect: "manual",
      signal: deps.deadline.signal,
    });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || location === null) return response;
    discardBody(response.body);
    const next = redirectTarget(location, current, origin);
    if (typeof next === "string") return { redirectRefused: next };
    if (hop >= MAX_SAME_ORIGIN_REDIRECTS) return { redirectRefused: "too_many_redirects" as const };
    current = next.href;
  }
}

/** Where an attempt is, so that a budget running out is said of the endpoint it was waiting for. */
interface AttemptStep {
  waitingForToken: boolean;
}

async function attemptOnce(url: string, config: Config, deps: LegacyDeps, step: AttemptStep): Promise<Attempt> {
  step.waitingForToken = true;
  const auth = await authHeaders(config.auth, deps.fetch, deps.cache, deps.deadline);
  step.waitingForToken = false;
  if (!auth.ok) return failed(auth.failure);
  const response = await getFollowingSameOrigin(url, auth.headers, deps);
  if ("redirectRefused" in response) return failed(invalid(response.redirectRefused));
  if (response.status === 200) return readRecord(response);
  discardBody(response.body);
  if (response.status === 404) return { kind: "not_found" };
  const failure = classifyStatus(response);
  if (response.status === 401 && config.auth.kind === "oauth" && auth.sentToken && !auth.sentToken.fresh) {
    // A kept token the API no longer accepts (rotated or revoked): one retry with a new one.
    forgetToken(config.auth, deps.cache, auth.sentToken.value);
    return { kind: "failed", failure, retryNow: true };
  }
  return { kind: "failed", failure };
}

async function guardedAttempt(url: string, config: Config, deps: LegacyDeps): Promise<Attempt> {
  const step = { waitingForToken: false };
  try {
    // race(): returns at the deadline even if a fetch implementation ignores the signal.
    return await deps.deadline.race(attemptOnce(url, config, deps, step));
  } catch (error) {
    const failure = classifyThrown(error, deps.deadline.expired);
    return failed(step.waitingForToken ? atTokenEndpoint(failure) : failure);
  }
}

export async function fetchLegacyRecord(url: string, config: Config, deps: LegacyDeps): Promise<LegacyFetch> {
  for (let attempts = 1; ; attempts++) {
    const result = await guardedAttempt(url, config, deps);
    if (result.kind !== "failed") return { ...result, attempts };
    const { failure } = result;
    const wait = result.retryNow ? 0 : (failure.retryAfterMs ?? backoffMs(attempts, FIRST_BACKOFF_MS));
    const canRetry = (failure.retryable || result.retryNow) && attempts < MAX_ATTEMPTS;
    if (!canRetry || deps.deadline.remaining() < wait + MIN_ATTEMPT_MS) return { kind: "failed", attempts, failure };
    if (!(await deps.deadline.sleep(wait))) return { kind: "failed", attempts, failure };
  }
}
