/**
 * Why a call to another service failed, in the words an operator needs: the network
 * (DNS, refused, TLS, timeout, a reset), the HTTP status the service answered, or an
 * answer that could not be used. Thrown errors are read with the Action's own
 * classification, so "refused" means the same at login and in every command.
 */
import { classifyThrown } from "../action/http-failure";

export type NetworkCause = "dns" | "refused" | "tls" | "timeout" | "reset" | "network";

export type FailureCause =
  /** `detail`: fetch's own words when no code says more (e.g. "bad port"). */
  | { kind: NetworkCause; detail?: string }
  | { kind: "status"; status: number; detail?: string }
  /** The service answered, but not with anything usable: `detail` says what (a failed job, a body that is not JSON…). */
  | { kind: "answer"; detail: string };

const NETWORK_CAUSE_TEXT: Record<NetworkCause, string> = {
  dns: "DNS: the host name does not resolve",
  refused: "refused: nothing accepts connections on that host and port",
  tls: "TLS: the certificate is not trusted or not for this host",
  timeout: "timeout: no answer in time",
  reset: "the connection was closed before the answer was complete",
  network: "a network error",
};

/** The Action's reason codes for thrown errors (legacy_error reasons), in these words. */
const FROM_ACTION_REASON: Readonly<Record<string, NetworkCause>> = {
  dns: "dns",
  connection_refused: "refused",
  tls: "tls",
  timeout: "timeout",
  connection_reset: "reset",
  network: "network",
};

/**
 * An HTTP answer that ends a call, thrown by the adapters around libraries (the auth0
 * SDK) so that every command reads a status the same way.
 */
export class StatusError extends Error {
  constructor(
    readonly status: number,
    readonly headers?: Headers,
    /** A short code from the body (e.g. `access_denied`), never a value. */
    readonly detail?: string,
    options?: ErrorOptions,
  ) {
    super(`status ${status}${detail ? ` (${detail})` : ""}`, options);
    this.name = "StatusError";
  }
}

function networkCause(error: unknown, timedOut: boolean): NetworkCause {
  return FROM_ACTION_REASON[classifyThrown(error, timedOut).reason] ?? "network";
}

/**
 * Why a call failed: its time bound, a status, a network code somewhere in the error's
 * causes, or fetch's own "fetch failed". Undefined when the error is about something else
 * (a bug, a file): that error is not a failure of the call and goes on unchanged.
 */
export function causeOf(error: unknown, timedOut: boolean): FailureCause | undefined {
  if (timedOut) return { kind: "timeout" };
  const found = causeInChain(error);
  if (found) return found;
  for (const link of chain(error)) {
    if (link instanceof TypeError && link.message === "fetch failed") {
      const reason = link.cause instanceof Error ? link.cause.message : undefined;
      return { kind: "network", detail: reason };
    }
  }
  return undefined;
}

/** Codes of network and TLS failures (not ENOENT and the like, which are about files). */
const NETWORK_CODE =
  /^(ECONN[A-Z]+|EPIPE|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$|CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/;

/** The errors an error was caused by, itself first (a library may wrap a network error twice or more). */
function* chain(error: unknown): Generator<object> {
  let current = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/**
 * What failed under a library that cannot be handed a signal (the Deploy CLI): a network
 * code or an HTTP status somewhere in the error's causes, or undefined when the error is
 * about something else (a file, a schema).
 */
export function causeInChain(error: unknown): FailureCause | undefined {
  for (const link of chain(error)) {
    if (link instanceof StatusError) return { kind: "status", status: link.status, detail: link.detail };
    const { code, statusCode } = link as { code?: unknown; statusCode?: unknown };
    if (typeof code === "string" && NETWORK_CODE.test(code)) {
      return { kind: networkCause(link, false) };
    }
    if (typeof statusCode === "number") return { kind: "status", status: statusCode };
  }
  return undefined;
}

/**
 * A legacy store failure as the Action reports it (`status_503`, `oauth_dns`,
 * `invalid_json`…); the `oauth_` prefix, which says which endpoint failed, is the
 * caller's business.
 */
export function causeOfReason(reason: string): FailureCause {
  const bare = reason.replace(/^oauth_/, "");
  const status = /^status_(\d{3})$/.exec(bare);
  if (status) return { kind: "status", status: Number(status[1]) };
  const network = FROM_ACTION_REASON[bare];
  return network ? { kind: network } : { kind: "answer", detail: `an unusable answer (${bare})` };
}

export function describeCause(cause: FailureCause, timeoutMs?: number): string {
  switch (cause.kind) {
    case "status":
      return `HTTP ${cause.status}${cause.detail ? ` (${cause.detail})` : ""}`;
    case "answer":
      return cause.detail;
    case "timeout":
      return timeoutMs === undefined
        ? NETWORK_CAUSE_TEXT.timeout
        : `timeout: no answer within ${formatSeconds(timeoutMs)}`;
    default:
      return cause.detail ? `${NETWORK_CAUSE_TEXT[cause.kind]} (${cause.detail})` : NETWORK_CAUSE_TEXT[cause.kind];
  }
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Failures that another attempt may cure; DNS, refusals and TLS are configuration. */
export function isRetryableCause(cause: FailureCause): boolean {
  if (cause.kind === "status") return cause.status === 429 || cause.status === 408 || cause.status >= 500;
  return cause.kind === "timeout" || cause.kind === "reset" || cause.kind === "network";
}
