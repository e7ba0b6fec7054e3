/** Reads the Action's `key=value` log line back into fields, for the local reports. */
import { LOG_PREFIX } from "../action/log-line";
import type { FlowResult } from "./runtime/flow-result";

export type LogLineFields = Record<string, string>;

/** What Auth0 would keep of the flow's console output, every Action's in order. */
export function keptLog(result: Pick<FlowResult, "logs">): string {
  return result.logs.map((entry) => entry.kept).join("\n");
}

/** The first line of `output` the Action wrote, as fields; undefined when it wrote none. */
export function actionLogFields(output: string): LogLineFields | undefined {
  const line = output.split("\n").find((candidate) => candidate.startsWith(`${LOG_PREFIX} `));
  if (line === undefined) return undefined;
  const fields: LogLineFields = {};
  for (const word of line.slice(LOG_PREFIX.length + 1).split(" ")) {
    const equals = word.indexOf("=");
    if (equals > 0) fields[word.slice(0, equals)] = word.slice(equals + 1);
  }
  return fields;
}
