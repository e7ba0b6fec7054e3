/**
 * A process that appends history lines as fast as it can, for the test of two verify
 * runs appending at once: argv is the history path, this writer's name and how many.
 */
import { appendHistoryLine } from "../../src/tools/history/append-history";
import { historyLineOf } from "./history-lines";

const [path = "", writer = "", count = "0"] = process.argv.slice(2);
// A long verdict makes each line a few kilobytes, as a real verify's line can be, and gives writes room to interleave.
const line = { ...historyLineOf({ at: "2026-03-01T00:00:00Z", notMigrated: 7, both: 3 }), connections: [writer] };
line.verdict = `${line.verdict} ${"padding ".repeat(400)}`;
for (let i = 0; i < Number(count); i++) appendHistoryLine(path, { ...line, repair_version: i });
