/**
 * The auth0 SDK's errors in the shared vocabulary: a ManagementError carrying a status
 * becomes a StatusError (with the answer's headers, for the rate governor), so
 * `boundedCall` reads tenant answers like any other. Network errors pass unchanged: their
 * cause chain already says what happened.
 */
import { ManagementError } from "auth0";
import { StatusError } from "./failure-cause";

/** A short, value-free code from an Auth0 error body (`{"error": "...", "errorCode": "..."}`). */
export function errorCode(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { errorCode: code, error } = body as { errorCode?: unknown; error?: unknown };
  const text = typeof code === "string" ? code : typeof error === "string" ? error : undefined;
  return text !== undefined && /^[\w .-]{1,60}$/.test(text) ? text : undefined;
}

export async function withManagementStatus<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ManagementError && error.statusCode !== undefined) {
      throw new StatusError(error.statusCode, error.rawResponse?.headers, errorCode(error.body), { cause: error });
    }
    throw error;
  }
}
