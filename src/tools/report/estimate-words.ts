/** The switch-off estimate in words: a headline, what it rests on, and what it assumes. */
import { runDate, runTime } from "./chart-scale";
import { formatCount } from "./number-format";
import {
  HORIZON_DAYS,
  RECENT_DAYS,
  SHORT_HISTORY_REASONS,
  type SwitchOffEstimate,
  type Trend,
} from "./switch-off-estimate";

export interface EstimateWords {
  headline: string;
  sentences: string[];
  assumptions: string[];
}

const users = (count: number) => `${formatCount(count)} user${count === 1 ? "" : "s"}`;

/** "13.2 users a day", "1,250 users a day". */
function pace(perDay: number): string {
  const magnitude = Math.abs(perDay);
  const shown = magnitude < 10 ? magnitude.toFixed(1) : formatCount(Math.round(magnitude));
  return `${shown} user${shown === "1.0" ? "" : "s"} a day`;
}

function basis(trend: Trend): string {
  const left =
    trend.otherScope > 0
      ? ` (${trend.otherScope} run${trend.otherScope === 1 ? "" : "s"} of other connections or another REPAIR_VERSION in that time left out)`
      : "";
  return (
    `Based on ${trend.runs} verify runs from ${runDate(trend.from)} to ${runDate(trend.to)}${left}: ` +
    `the users the verdict waits for went from ${formatCount(trend.firstOutstanding)} to ${formatCount(trend.lastOutstanding)}.`
  );
}

const ASSUMPTIONS = [
  `The pace of the last ${RECENT_DAYS} days holds: a straight line fitted through those runs' counts, extended from the latest run down to zero.`,
  "Users who have not migrated keep logging in at that pace. Logins usually slow down once the active users are in, and some users never log in again, so the date is more likely early than late: bulk-import the rest rather than wait for them.",
  "Users missing metadata are repaired by their next login or by backfill, and users who cannot log in are fixed by hand.",
  "The verdict waits for users not yet migrated, users missing metadata and users who cannot log in. Users not found in the store, and Auth0 users the store does not list, do not hold it up.",
];

export function estimateWords(estimate: SwitchOffEstimate): EstimateWords {
  switch (estimate.kind) {
    case "finished":
      return {
        headline: "Now",
        sentences: [
          `The latest verify run (${runTime(estimate.at)} UTC) found every legacy user in Auth0 and none missing metadata.`,
          "As Auth0's guide says, replace the connection's login and get_user scripts with no-ops; then the legacy store can be switched off.",
        ],
        assumptions: [],
      };
    case "not_enough_history":
      return {
        headline: "Not enough history",
        sentences: [
          `No estimate yet: ${SHORT_HISTORY_REASONS[estimate.reason]}, and the history has ${estimate.runs} such run${estimate.runs === 1 ? "" : "s"}.`,
          "Run verify regularly (daily or weekly, from a scheduled job): each run adds a line to the history.",
        ],
        assumptions: [],
      };
    case "stalled":
      return {
        headline: estimate.trend.perDay >= 0 ? "No date: the migration is not moving" : "No date: far too slow",
        sentences: [
          estimate.trend.perDay >= 0
            ? `${users(estimate.outstanding)} still hold up the switch-off, and that number is not falling.`
            : `${users(estimate.outstanding)} still hold up the switch-off; at about ${pace(estimate.trend.perDay)}, the last of them would take more than ${HORIZON_DAYS / 365} years.`,
          basis(estimate.trend),
          "It falls when users who have not migrated are bulk-imported (or log in), when backfill repairs users missing metadata, and when users who cannot log in are fixed by hand.",
        ],
        assumptions: ASSUMPTIONS,
      };
    case "date":
      return {
        headline: `Around ${runDate(estimate.date)}`,
        sentences: [
          `${users(estimate.outstanding)} still hold up the switch-off. At the recent pace of about ${pace(estimate.trend.perDay)}, the last of them would be done ${estimate.days} day${estimate.days === 1 ? "" : "s"} after the latest run.`,
          basis(estimate.trend),
        ],
        assumptions: ASSUMPTIONS,
      };
  }
}
