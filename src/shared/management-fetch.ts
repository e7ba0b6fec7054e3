/**
 * A Management API request through fetch, for an answer that must be read as it came:
 * the test endpoint's is only loosely documented, and the SDK turns a body it cannot
 * parse into an error that keeps neither the text nor the status's meaning. A status
 * other than 2xx is a StatusError (with a short code from the body, never a value).
 */
import { readCappedText } from "../action/read-body";
import { StatusError } from "./failure-cause";
import type { RawAnswer } from "./management-call";
import { errorCode } from "./management-status";

export interface TenantToken {
  /** host or host:port */
  domain: string;
  accessToken: string;
}

/** The text of a 2xx answer, or why it could not be read. */
export type AnswerText = { ok: true; text: string } | { ok: false; reason: "body_too_large" | "body_not_utf8" };

/** Far above any answer these endpoints give; a larger one is reported, not read. */
const ANSWER_CAP_BYTES = 4 * 1024 * 1024;

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function managementRequest(
  tenant: TenantToken,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): (signal: AbortSignal) => Promise<RawAnswer<AnswerText>> {
  return async (signal) => {
    const response = await fetch(`https://${tenant.domain}/api/v2${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tenant.accessToken}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
      signal,
    });
    const text = await readCappedText(response, ANSWER_CAP_BYTES);
    if (response.status < 200 || response.status > 299) {
      const code = text.ok ? errorCode(parsedOrUndefined(text.text)) : undefined;
      throw new StatusError(response.status, response.headers, code);
    }
    return { data: text, rawResponse: { headers: response.headers } };
  };
}
