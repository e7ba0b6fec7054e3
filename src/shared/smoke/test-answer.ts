/**
 * Auth0's answer to "Test an Action", read defensively. The API reference documents only
 * `{"payload": {...}}`, opaque. Public recordings show `payload.error` ({name, message,
 * stack}) when the Action threw (with HTTP 200) and `payload.stats` (milliseconds); the
 * key holding the console output is documented nowhere, so the Action's log line is
 * looked for in every string of the payload. Anything else is kept for `--json`, never
 * trusted, and never a reason to crash.
 */
import { LOG_PREFIX } from "../../action/log-line";
import { isPlainObject } from "../../action/plain-object";
import { actionLogLine } from "../action-log-fields";
import type { AnswerText } from "../management-fetch";

export interface ThrownInAuth0 {
  name?: string;
  message?: string;
}

export type TestAnswer =
  | {
      kind: "ran";
      /** The answer's JSON as Auth0 sent it. */
      json: unknown;
      /** The Action's line, verbatim, and where in the payload it was. */
      log?: { line: string; at: string };
      error?: ThrownInAuth0;
      /** `payload.stats`: the numbers only. */
      stats: Record<string, number>;
      /** Payload keys this reading does not use (shown by name; `--json` shows them whole). */
      otherKeys: string[];
    }
  | {
      kind: "unexpected";
      /** What is wrong with the answer, in plain words. */
      why: string;
      /** The parsed JSON when there was some, else undefined. */
      json?: unknown;
      /** The text as received, when it was text. */
      text?: string;
    };

const MAX_DEPTH = 8;

/** The first string under `value` holding the Action's line, depth first, in the answer's own order. */
function findLogLine(value: unknown, at: string, depth: number): { line: string; at: string } | undefined {
  if (typeof value === "string") {
    if (!value.includes(LOG_PREFIX)) return undefined;
    const line = actionLogLine(value);
    return line === undefined ? undefined : { line, at };
  }
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findLogLine(item, `${at}[${index}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findLogLine(item, `${at}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function thrownError(value: unknown): ThrownInAuth0 | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return { message: value };
  if (!isPlainObject(value)) return { message: JSON.stringify(value) };
  const text = (field: unknown) => (typeof field === "string" ? field : undefined);
  return { name: text(value.name), message: text(value.message) };
}

function numbers(value: unknown): Record<string, number> {
  if (!isPlainObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, number] => Number.isFinite(entry[1])),
  );
}

const UNREADABLE: Record<Extract<AnswerText, { ok: false }>["reason"], string> = {
  body_too_large: "the answer is larger than 4 MiB",
  body_not_utf8: "the answer is not UTF-8 text",
};

export function readTestAnswer(answer: AnswerText): TestAnswer {
  if (!answer.ok) return { kind: "unexpected", why: UNREADABLE[answer.reason] };
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    return { kind: "unexpected", why: "the answer is not JSON", text: answer.text };
  }
  if (!isPlainObject(json)) return { kind: "unexpected", why: "the answer is not a JSON object", json };
  const { payload } = json;
  if (!isPlainObject(payload)) return { kind: "unexpected", why: "the answer has no payload object", json };
  const log = findLogLine(payload, "payload", 0);
  const logKey = log?.at.split(/[.[]/)[1];
  const otherKeys = Object.keys(payload).filter((key) => key !== "error" && key !== "stats" && key !== logKey);
  return { kind: "ran", json, log, error: thrownError(payload.error), stats: numbers(payload.stats), otherKeys };
}
