/** How one failed exchange with the legacy store (or its token endpoint) is classified. */
export interface HttpFailure {
  /** `legacy_error`: the store failed; `invalid_response`: it answered something unusable. */
  outcome: "legacy_error" | "invalid_response";
  /** Whether another attempt could succeed (overloaded, down, unreachable). */
  retryable: boolean;
  /** A short code for the log line, e.g. `status_503`, `timeout`, `connection_refused`. */
  reason: string;
  status?: number;
  retryAfterMs?: number;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection_refused",
  ECONNRESET: "connection_reset",
  EPIPE: "connection_reset",
  UND_ERR_SOCKET: "connection_reset",
  UND_ERR_CLOSED: "connection_reset",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ETIMEDOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
};

function errorCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function transient(reason: string, status?: number, retryAfterMs?: number): HttpFailure {
  return { outcome: "legacy_error", retryable: true, reason, status, retryAfterMs };
}

export function invalid(reason: string, status?: number): HttpFailure {
  return { outcome: "invalid_response", retryable: false, reason, status };
}

/**
 * A thrown fetch or body error. TLS failures are configuration (a certificate will not
 * fix itself between two attempts), so they are a legacy error that is not retried.
 */
export function classifyThrown(error: unknown, deadlineExpired: boolean): HttpFailure {
  if (deadlineExpired) return transient("timeout");
  const code = errorCode(error) ?? "";
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return { outcome: "legacy_error", retryable: false, reason: "tls" };
  }
  return transient(NETWORK_REASONS[code] ?? "network");
}

export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/** A non-2xx answer: retryable when the store says it is overloaded or failing. */
export function classifyStatus(response: Response, prefix = ""): HttpFailure {
  const reason = `${prefix}status_${response.status}`;
  if (!isTransientStatus(response.status)) return invalid(reason, response.status);
  return transient(reason, response.status, parseRetryAfter(response.headers.get("retry-after")));
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
