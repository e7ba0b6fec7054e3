/** Reads the Action's `key=value` log line back into fields, for the local reports. */
import type { FlowResult } from "./runtime/flow-result";

export { actionLogFields, type LogLineFields } from "../shared/action-log-fields";

/** What Auth0 would keep of the flow's console output, every Action's in order. */
export function keptLog(result: Pick<FlowResult, "logs">): string {
  return result.logs.map((entry) => entry.kept).join("\n");
}
