/**
 * Reads the Action's `key=value` log line back into fields: the local reports read it
 * from the local runtime's output, `smoke` from what Auth0's test endpoint returned.
 */
import { LOG_PREFIX } from "../action/log-line";

export type LogLineFields = Record<string, string>;

/** The Action's line in `output`, as written; undefined when it wrote none. */
export function actionLogLine(output: string): string | undefined {
  return output.split(/\r?\n/).find((candidate) => candidate.startsWith(`${LOG_PREFIX} `));
}

/** The first line of `output` the Action wrote, as fields; undefined when it wrote none. */
export function actionLogFields(output: string): LogLineFields | undefined {
  const line = actionLogLine(output);
  if (line === undefined) return undefined;
  const fields: LogLineFields = {};
  for (const word of line.slice(LOG_PREFIX.length + 1).split(" ")) {
    const equals = word.indexOf("=");
    if (equals > 0) fields[word.slice(0, equals)] = word.slice(equals + 1);
  }
  return fields;
}
