/**
 * The sample store's API, all routes in one table: the legacy API contract (one user's
 * record by legacy id, email or username; 404 for a user it does not know; the paged
 * user list), and the same users in a second, flat shape, as a legacy system's own user
 * API would answer, for the Action's metadata maps. A new endpoint is one more entry here.
 */
import { digitsValue } from "../../action/digits";
import type { SampleUser } from "./sample-users";

export interface Reply {
  status: number;
  body: unknown;
}

/** The store's users, indexed the ways the URL template can address them. */
export class SampleData {
  readonly users: readonly SampleUser[];
  private readonly byId = new Map<string, SampleUser>();
  private readonly byEmail = new Map<string, SampleUser>();
  private readonly byUsername = new Map<string, SampleUser>();

  constructor(users: readonly SampleUser[]) {
    this.users = users;
    for (const user of users) {
      this.byId.set(user.legacy_id, user);
      this.byEmail.set(user.email.toLowerCase(), user);
      this.byUsername.set(user.username.toLowerCase(), user);
    }
  }

  find(by: "legacy_id" | "email" | "username", value: string): SampleUser | undefined {
    if (by === "legacy_id") return this.byId.get(value);
    return (by === "email" ? this.byEmail : this.byUsername).get(value.toLowerCase());
  }
}

/** The record as the legacy API sends it; metadata at the Action's default paths. */
export function legacyRecord(user: SampleUser): Record<string, unknown> {
  const { legacy_id, email, username, name, created_at, user_metadata, app_metadata } = user;
  return { id: legacy_id, email, username, name, created_at, user_metadata, app_metadata };
}

/**
 * The record as a legacy system's own REST API would answer, with no metadata objects:
 * what the metadata maps (LEGACY_USER_METADATA_MAP / LEGACY_APP_METADATA_MAP) read.
 * A value the user does not have is `null`, as such APIs tend to send it.
 */
export function flatRecord(user: SampleUser): Record<string, unknown> {
  const profile = user.user_metadata ?? {};
  const account = user.app_metadata ?? {};
  const [firstName, ...lastNames] = user.name.split(" ");
  return {
    id: Number(user.legacy_id),
    email: user.email,
    first_name: firstName,
    last_name: lastNames.join(" "),
    profile: {
      locale: profile.locale ?? null,
      timezone: profile.timezone ?? null,
      newsletter: profile.newsletter ?? null,
    },
    subscription: { plan: account.plan ?? null, seats: account.seats ?? null },
    roles: account.roles ?? [],
    created_at: user.created_at,
  };
}

interface Route {
  method: string;
  path: RegExp;
  handle(params: string[], url: URL, data: SampleData): Reply;
}

function recordReply(user: SampleUser | undefined, shape = legacyRecord): Reply {
  return user ? { status: 200, body: shape(user) } : { status: 404, body: { error: "user_not_found" } };
}

const LIST_DEFAULT_LIMIT = 100;
const LIST_MAX_LIMIT = 1000;

/**
 * The paged user list the migration tools read (`LEGACY_API_LIST_URL`): `limit` per page,
 * and an opaque `cursor` naming where the next page starts.
 */
function listPage(url: URL, data: SampleData): Reply {
  const limitText = url.searchParams.get("limit") ?? String(LIST_DEFAULT_LIMIT);
  const cursorText = url.searchParams.get("cursor") ?? "";
  const limit = digitsValue(limitText) ?? 0;
  const decoded = Buffer.from(cursorText, "base64url").toString("utf8");
  const start = cursorText === "" ? 0 : /^o:\d+$/.test(decoded) ? Number(decoded.slice(2)) : -1;
  if (limit < 1 || limit > LIST_MAX_LIMIT) return { status: 400, body: { error: "invalid_limit" } };
  if (!Number.isInteger(start) || start < 0 || start > data.users.length) {
    return { status: 400, body: { error: "invalid_cursor" } };
  }
  const end = Math.min(start + limit, data.users.length);
  const users = data.users.slice(start, end).map(({ legacy_id, email, username }) => ({ legacy_id, email, username }));
  const next_cursor = end < data.users.length ? Buffer.from(`o:${end}`).toString("base64url") : null;
  return { status: 200, body: { users, next_cursor } };
}

const ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: /^\/users$/,
    handle: (_params, url, data) => listPage(url, data),
  },
  {
    method: "GET",
    path: /^\/users\/by-email\/([^/]+)$/,
    handle: ([email = ""], _url, data) => recordReply(data.find("email", email)),
  },
  {
    method: "GET",
    path: /^\/users\/by-username\/([^/]+)$/,
    handle: ([username = ""], _url, data) => recordReply(data.find("username", username)),
  },
  {
    method: "GET",
    path: /^\/users\/([^/]+)$/,
    handle: ([id = ""], _url, data) => recordReply(data.find("legacy_id", id)),
  },
  {
    method: "GET",
    path: /^\/flat\/users\/([^/]+)$/,
    handle: ([id = ""], _url, data) => recordReply(data.find("legacy_id", id), flatRecord),
  },
];

export function route(method: string, url: URL, data: SampleData): Reply {
  let pathMatched = false;
  for (const candidate of ROUTES) {
    const match = candidate.path.exec(url.pathname);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    let params: string[];
    try {
      params = match.slice(1).map((part) => decodeURIComponent(part));
    } catch {
      return { status: 400, body: { error: "bad_path_encoding" } };
    }
    return candidate.handle(params, url, data);
  }
  return pathMatched
    ? { status: 405, body: { error: "method_not_allowed" } }
    : { status: 404, body: { error: "no_route" } };
}
