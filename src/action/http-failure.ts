/**
 * How one failed exchange with the legacy store (or its token endpoint) is classified.
 * The rule: only a failure of the transport (connect, reset, timeout, TLS) or a
 * transient status counts toward an outage; whatever the store actually answered is an
 * answer, and an unusable one is an invalid response, never retried.
 */
import { digitsValue } from "./digits";

/** Nothing usable came back because the exchange itself failed. */
export type TransportReason = "connection_refused" | "connection_reset" | "dns" | "timeout" | "network" | "tls";

export type StatusReason = `status_${number}`;

/** The store (or the token endpoint) answered, but with nothing usable. */
export type AnswerReason =
  | "not_http"
  | "not_json"
  | "invalid_json"
  | "json_too_deep"
  | "body_too_large"
  | "body_not_utf8"
  | "body_not_decodable"
  | "redirect_other_origin"
  | "redirect_invalid_location"
  | "redirect_with_credentials"
  | "too_many_redirects"
  | "invalid_response";

export type ExchangeReason = TransportReason | StatusReason | AnswerReason;

/** The `reason=` of a failed exchange in the log line; the token endpoint's carry `oauth_`. */
export type FailureReason = ExchangeReason | `oauth_${ExchangeReason}`;

/** `Reason` is wider only for the tools, which read answers of their own (the user list). */
export interface HttpFailure<Reason extends string = FailureReason> {
  /** `legacy_error`: the store failed; `invalid_response`: it answered something unusable. */
  outcome: "legacy_error" | "invalid_response";
  /** Whether another attempt could succeed (overloaded, down, unreachable). */
  retryable: boolean;
  reason: Reason;
  status?: number;
  retryAfterMs?: number;
}

/** Node's and undici's error codes, by what failed (ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT, EAI_AGAIN…). */
const TRANSPORT_CODES: ReadonlyArray<readonly [RegExp, TransportReason]> = [
  [/REFUSED/, "connection_refused"],
  [/RESET|EPIPE|SOCKET|CLOSED/, "connection_reset"],
  [/NOTFOUND|EAI_AGAIN/, "dns"],
  [/TIMEDOUT|TIMEOUT/, "timeout"],
];

/** `CERT` also covers the self-signed codes (`DEPTH_ZERO_SELF_SIGNED_CERT`, `SELF_SIGNED_CERT_IN_CHAIN`). */
const TLS_CODE = /CERT|TLS|SSL|UNABLE_TO_VERIFY/;
/**
 * zlib (`Z_DATA_ERROR`…), brotli (`ERR__ERROR_FORMAT_…`) and zstd errors: a body its
 * Content-Encoding does not describe; and undici's refusal, without a code, of a longer
 * chain of encodings than it decodes ("too many content-encodings").
 */
const DECODING_CODE = /^Z_|^ERR__ERROR_|BROTLI|ZSTD|content-encoding/i;
/**
 * The HTTP parser's errors: bytes that are not an HTTP response; and headers larger than
 * fetch reads (undici's UND_ERR_HEADERS_OVERFLOW), which the store sent and will send again.
 */
const PARSER_CODE = /^HPE_|HEADERS_OVERFLOW/;

function errorCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function transient<Reason extends string>(
  reason: Reason,
  status?: number,
  retryAfterMs?: number,
): HttpFailure<Reason> {
  return { outcome: "legacy_error", retryable: true, reason, status, retryAfterMs };
}

export function invalid<Reason extends string>(reason: Reason, status?: number): HttpFailure<Reason> {
  return { outcome: "invalid_response", retryable: false, reason, status };
}

/**
 * A thrown fetch or body error. TLS failures are configuration (a certificate will not
 * fix itself between two attempts), so they are a legacy error that is not retried. A
 * body that cannot be decoded or bytes that are not HTTP came from the store: answers.
 */
export function classifyThrown(error: unknown, deadlineExpired: boolean): HttpFailure<ExchangeReason> {
  if (deadlineExpired) return transient("timeout");
  // Without a code anywhere, the words of fetch's cause are all there is to go on.
  const code = errorCode(error) ?? `${(error as { cause?: unknown } | undefined)?.cause}`;
  if (DECODING_CODE.test(code)) return invalid("body_not_decodable");
  if (PARSER_CODE.test(code)) return invalid("not_http");
  if (TLS_CODE.test(code)) return { outcome: "legacy_error", retryable: false, reason: "tls" };
  return transient(TRANSPORT_CODES.find(([pattern]) => pattern.test(code))?.[1] ?? "network");
}

/** 408, 429 and 5xx only: a status past 599 names no server error, so it is an answer like any other. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status < 600);
}

/** A non-2xx answer: retryable when the store says it is overloaded or failing. */
export function classifyStatus(response: Response): HttpFailure<StatusReason> {
  const reason: StatusReason = `status_${response.status}`;
  if (!isTransientStatus(response.status)) return invalid(reason, response.status);
  return transient(reason, response.status, parseRetryAfter(response.headers.get("retry-after")));
}

/** The same failure, said of the OAuth token endpoint rather than the legacy store. */
export function atTokenEndpoint(failure: HttpFailure<ExchangeReason>): HttpFailure {
  return { ...failure, reason: `oauth_${failure.reason}` };
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  const seconds = digitsValue(value);
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
