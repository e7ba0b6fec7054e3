/**
 * Reads the OAuth token endpoint's answer: `access_token`, a non-empty string of at most
 * 8 kB that a request header can carry, and `expires_in`, optional, in seconds (a
 * number, or a string of digits as some servers send it). The legacy API contract (src/shared/legacy-contract.ts) states the
 * same rules as a schema, and a property test holds the two to the same verdicts.
 */
import { isArray } from "./builtins";
import { digitsValue } from "./digits";
import { headerValue } from "./secret-parsers";

export interface TokenAnswer {
  accessToken: string;
  /** Absent when the endpoint did not say. */
  expiresInSeconds: number | undefined;
}

export const MAX_ACCESS_TOKEN_LENGTH = 8192;

function lifetime(value: unknown): number | undefined | false {
  if (value === undefined) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : false;
  const seconds = typeof value === "string" ? digitsValue(value) : undefined;
  return seconds ?? false;
}

/** `undefined` when the answer is not usable. */
export function readTokenAnswer(body: unknown): TokenAnswer | undefined {
  if (typeof body !== "object" || body === null || isArray(body)) return undefined;
  const { access_token: accessToken, expires_in: expiresIn } = body as Record<string, unknown>;
  // Sent as `Authorization: Bearer <token>`: a character no header can carry (a line
  // break, NUL, beyond U+00FF) makes every fetch throw, an answer mistaken for an outage.
  if (
    typeof accessToken !== "string" ||
    accessToken.length === 0 ||
    accessToken.length > MAX_ACCESS_TOKEN_LENGTH ||
    !("value" in headerValue(accessToken))
  ) {
    return undefined;
  }
  const expiresInSeconds = lifetime(expiresIn);
  return expiresInSeconds === false ? undefined : { accessToken, expiresInSeconds };
}
