/**
 * Reads the legacy store's paged user list (LEGACY_API_LIST_URL), one page at a time,
 * with the Action's credentials code and failure classification. A page that keeps
 * failing ends the command with one message naming the page, the host (the list's, or
 * the OAuth token endpoint's) and the cause.
 */

import { createHash } from "node:crypto";
import { backoffMs } from "../../action/backoff";
import type { Config } from "../../action/config";
import { Deadline } from "../../action/deadline";
import { discardBody } from "../../action/discard-body";
import {
  classifyStatus,
  classifyThrown,
  type FailureReason,
  type HttpFailure,
  invalid,
} from "../../action/http-failure";
import { authHeaders } from "../../action/legacy-auth";
import { readCappedText } from "../../action/read-body";
import type { PostLoginCache } from "../../action/types";
import { causeOfReason } from "../../shared/failure-cause";
import { legacyUserListPageSchema } from "../../shared/legacy-contract";
import { StepFailure } from "../../shared/step-failure";
import { ToolError } from "../tool-error";
import { failedEndpoint } from "./failed-endpoint";

export interface ListedUser {
  legacy_id: string;
  email?: string;
  username?: string;
}

export interface ListDeps {
  fetch: typeof fetch;
  cache: PostLoginCache;
  /** Per page, retries included. */
  pageTimeoutMs?: number;
  maxAttempts?: number;
}

const PAGE_CAP_BYTES = 16 * 1024 * 1024;
const DEFAULT_PAGE_TIMEOUT_MS = 30_000;
const LIST_HINT = "check LEGACY_API_LIST_URL and the store's credentials";
const TOKEN_HINT = "check LEGACY_OAUTH_CLIENT_ID and LEGACY_OAUTH_CLIENT_SECRET";
const DEFAULT_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 250;

type ListFailure = HttpFailure<FailureReason | "not_a_user_list">;

type Page = { ok: true; users: ListedUser[]; next: string | undefined } | { ok: false; failure: ListFailure };

function pageUrl(listUrl: string, cursor: string | undefined): string {
  const url = new URL(listUrl);
  if (cursor !== undefined) url.searchParams.set("cursor", cursor);
  return url.href;
}

async function fetchPage(url: string, config: Config, deps: ListDeps, deadline: Deadline): Promise<Page> {
  try {
    const auth = await authHeaders(config.auth, deps.fetch, deps.cache, deadline);
    if (!auth.ok) return auth;
    const response = await deps.fetch(url, {
      headers: { accept: "application/json", ...auth.headers },
      redirect: "manual",
      signal: deadline.signal,
    });
    if (response.status !== 200) {
      discardBody(response.body);
      return { ok: false, failure: classifyStatus(response) };
    }
    const text = await readCappedText(response, PAGE_CAP_BYTES);
    if (!text.ok) return { ok: false, failure: invalid(text.reason, 200) };
    let body: unknown;
    try {
      body = JSON.parse(text.text);
    } catch {
      return { ok: false, failure: invalid("invalid_json", 200) };
    }
    // The legacy API contract: the same schema docs/legacy-api.schema.json publishes.
    const page = legacyUserListPageSchema.safeParse(body);
    if (!page.success) return { ok: false, failure: invalid("not_a_user_list", 200) };
    const users = page.data.users.map((user) => ({
      legacy_id: String(user.legacy_id),
      email: user.email ?? undefined,
      username: user.username ?? undefined,
    }));
    return { ok: true, users, next: page.data.next_cursor ?? undefined };
  } catch (error) {
    return { ok: false, failure: classifyThrown(error, deadline.expired) };
  }
}

async function pageWithRetries(url: string, config: Config, deps: ListDeps): Promise<Page> {
  const deadline = new Deadline(deps.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS);
  try {
    for (let attempt = 1; ; attempt++) {
      const page = await fetchPage(url, config, deps, deadline);
      if (page.ok || !page.failure.retryable || attempt >= (deps.maxAttempts ?? DEFAULT_ATTEMPTS)) return page;
      const wait = page.failure.retryAfterMs ?? backoffMs(attempt, FIRST_BACKOFF_MS);
      if (!(await deadline.sleep(wait))) return page;
    }
  } finally {
    deadline.dispose();
  }
}

function pageFailure(
  failure: HttpFailure<string>,
  listUrl: string,
  config: Config,
  pageNumber: number,
  timeoutMs: number,
) {
  const cause = causeOfReason(failure.reason);
  const { token, host, source } = failedEndpoint(failure.reason, config, listUrl, "LEGACY_API_LIST_URL");
  const step = token
    ? `requesting a legacy OAuth token for the user list page ${pageNumber}`
    : `reading the legacy user list page ${pageNumber}`;
  return new StepFailure(step, host, cause, { timeoutMs, source, hint: token ? TOKEN_HINT : LIST_HINT });
}

/** A fixed-size digest of a cursor: what is kept of each one, however long the store's cursors are. */
const digest = (cursor: string) => createHash("sha256").update(cursor).digest("base64");

export async function* listLegacyUsers(listUrl: string, config: Config, deps: ListDeps): AsyncGenerator<ListedUser> {
  let cursor: string | undefined;
  // Every cursor given so far, by the page it led to: a store whose cursors come round again (a, b, a)
  // would otherwise be read for ever. 44 bytes a page: a few MB for millions of users at 100 a page.
  const pageOf = new Map<string, number>();
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await pageWithRetries(pageUrl(listUrl, cursor), config, deps);
    if (!page.ok) {
      throw pageFailure(page.failure, listUrl, config, pageNumber, deps.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS);
    }
    yield* page.users;
    if (page.next === undefined || page.next === "") return;
    const key = digest(page.next);
    const earlier = pageOf.get(key);
    if (earlier !== undefined) {
      throw new ToolError(
        `the legacy store's user list returned a cursor it had already returned (page ${pageNumber} gave again the cursor that led to page ${earlier})`,
      );
    }
    pageOf.set(key, pageNumber + 1);
    cursor = page.next;
  }
}
