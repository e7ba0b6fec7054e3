/**
 * Switches that make the sample store misbehave the ways real legacy stores do, for
 * tests and demos. They apply to every authenticated API request while set.
 */
export type MalformedBody =
  /** `200` with a JSON content type and a truncated body. */
  | "invalid_json"
  /** `200` with an HTML error page, as a proxy in front of a dead backend sends. */
  | "not_json"
  /** `200` with a JSON array instead of a record. */
  | "not_object"
  /** `200` with a record whose metadata is a string. */
  | "metadata_not_object"
  /** `200` with a body larger than the Action reads (256 kB). */
  | "oversized";

export interface Faults {
  /** Added before answering (or before failing). */
  latencyMs: number;
  /** Answer every request with this status (e.g. 503 during an outage, 500, 429). */
  status?: number;
  /** Sent as `Retry-After` with `status`. */
  retryAfterSeconds?: number;
  /** Only this many requests get `status`, then the store recovers; every one when unset. */
  failures?: number;
  /** Accept the request and never answer. */
  hang: boolean;
  malformed?: MalformedBody;
}

export const HEALTHY: Readonly<Faults> = Object.freeze({ latencyMs: 0, hang: false });

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const OVERSIZED_BYTES = 300 * 1024;

export function malformedReply(kind: MalformedBody): FaultReply {
  const json = { "content-type": "application/json" };
  switch (kind) {
    case "invalid_json":
      return { status: 200, headers: json, body: '{"user_metadata": {"locale": "en-' };
    case "not_json":
      return {
        status: 200,
        headers: { "content-type": "text/html" },
        body: "<html><body>502 Bad Gateway</body></html>",
      };
    case "not_object":
      return { status: 200, headers: json, body: "[1,2,3]" };
    case "metadata_not_object":
      return { status: 200, headers: json, body: '{"user_metadata": "locale=en;tz=UTC", "app_metadata": {}}' };
    case "oversized":
      return {
        status: 200,
        headers: json,
        body: JSON.stringify({ user_metadata: { blob: "x".repeat(OVERSIZED_BYTES) } }),
      };
  }
}

/** Takes one failure from the budget; answers the failure to send, if any. */
export function failureReply(faults: Faults): FaultReply | undefined {
  if (faults.status === undefined) return undefined;
  if (faults.failures !== undefined) {
    if (faults.failures <= 0) return undefined;
    faults.failures -= 1;
  }
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (faults.retryAfterSeconds !== undefined) headers["retry-after"] = String(faults.retryAfterSeconds);
  return { status: faults.status, headers, body: JSON.stringify({ error: "injected_fault", status: faults.status }) };
}
