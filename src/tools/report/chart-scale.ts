/**
 * The axes of a chart: round steps for counts and shares, and a few dates spread over
 * the runs' time span, labelled as briefly as that span allows. Times are UTC, as in the
 * history, so a report reads the same wherever it is opened.
 */
import { DAY_MS } from "./switch-off-estimate";

/** At most this many steps above zero, so that labels stay legible on a phone. */
const MAX_STEPS = 5;
/** Counts are whole users: no step below one. */
const MIN_STEP = 1;
/** Dates along the time axis. */
const TIME_TICKS = 4;

/** Ticks from 0 to at least `max`, on a step of 1, 2 or 5 times a power of ten, and never below MIN_STEP. */
export function valueTicks(max: number): number[] {
  const top = Math.max(max, MIN_STEP);
  const rough = top / MAX_STEPS;
  const power = 10 ** Math.floor(Math.log10(rough));
  const round = [1, 2, 5, 10].map((multiple) => multiple * power).find((candidate) => candidate >= rough);
  const step = Math.max(MIN_STEP, round ?? 10 * power);
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}

/** TIME_TICKS times, evenly spread from the first to the last (one when they are the same). */
export function timeTicks(from: number, to: number): number[] {
  if (to <= from) return [from];
  return Array.from({ length: TIME_TICKS }, (_, i) => from + ((to - from) * i) / (TIME_TICKS - 1));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "14 Mar", "14 Mar 2026" over a span of more than a year, "14 Mar 09:30" over less than three days. */
export function timeLabel(time: number, spanMs: number): string {
  const date = new Date(time);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  if (spanMs > 365 * DAY_MS) return `${day} ${date.getUTCFullYear()}`;
  if (spanMs < 3 * DAY_MS) return `${day} ${date.toISOString().slice(11, 16)}`;
  return day;
}

/** "2026-03-14 09:30", for tables and sentences. */
export function runTime(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace("T", " ");
}

/** "2026-03-14". */
export function runDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
