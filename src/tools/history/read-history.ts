/**
 * The history as `report` reads it: every line that is a verify run, in the order of
 * their times. A line that cannot be used (cut short by a crash, edited by hand, written
 * by another version) is skipped and named, never a reason to lose the others.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Problem } from "../../action/problem";
import { fileErrorReason } from "../file-error-reason";
import { ToolError } from "../tool-error";
import { HISTORY_KIND, HISTORY_VERSION, type HistoryLine, historyLineSchema } from "./history-line";

export type UnreadableLineReason = "not_json" | "not_history" | "other_version" | "invalid_fields";

const UNREADABLE_LINE_REASONS: Readonly<Record<UnreadableLineReason, string>> = {
  not_json: "not JSON (cut short or damaged)",
  not_history: "not a line of a verify history",
  other_version: "written by another version of the tools",
  invalid_fields: "a count or field is missing or invalid",
};

export interface HistoryRun extends HistoryLine {
  /** Its line in the file, counted from 1. */
  line: number;
  /** `at`, in milliseconds since the epoch. */
  time: number;
}

export interface History {
  path: string;
  /** Oldest first; runs of the same time keep the file's order. */
  runs: HistoryRun[];
  /** Lines that were left out, each with its line number as the subject ("line 7"). */
  skipped: Problem<UnreadableLineReason>[];
}

function parseLine(text: string): HistoryLine | UnreadableLineReason {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "not_json";
  }
  if (typeof value !== "object" || value === null || (value as { kind?: unknown }).kind !== HISTORY_KIND) {
    return "not_history";
  }
  if ((value as { v?: unknown }).v !== HISTORY_VERSION) return "other_version";
  const parsed = historyLineSchema.safeParse(value);
  return parsed.success ? parsed.data : "invalid_fields";
}

export async function readHistory(path: string): Promise<History> {
  const runs: HistoryRun[] = [];
  const skipped: Problem<UnreadableLineReason>[] = [];
  let line = 0;
  try {
    const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
    for await (const text of lines) {
      line++;
      // Blank lines carry nothing (two runs closing the same cut-short line leave one).
      if (text.trim() === "") continue;
      const parsed = parseLine(text);
      if (typeof parsed === "string") skipped.push({ subject: `line ${line}`, reason: parsed });
      else runs.push({ ...parsed, line, time: Date.parse(parsed.at) });
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ToolError(
        `there is no history at ${path}`,
        "each verify run appends a line to it: run verify first, or pass --history <path>",
      );
    }
    throw new ToolError(`could not read the history ${path}: ${fileErrorReason(error)}`);
  }
  runs.sort((a, b) => a.time - b.time || a.line - b.line);
  return { path, runs, skipped };
}

/** How many skipped lines a message names; the rest are counted. */
const SKIPPED_SHOWN = 5;

/** "line 7 (not JSON …), line 9 (…)": the first few skipped lines, for one message. */
export function skippedSummary(skipped: readonly Problem<UnreadableLineReason>[]): string {
  const named = skipped
    .slice(0, SKIPPED_SHOWN)
    .map((problem) => `${problem.subject} (${UNREADABLE_LINE_REASONS[problem.reason]})`);
  const more = skipped.length > SKIPPED_SHOWN ? `, and ${skipped.length - SKIPPED_SHOWN} more` : "";
  return `${named.join(", ")}${more}`;
}
