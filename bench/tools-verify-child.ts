/**
 * One `verify` run in its own process, so that its peak memory (maxRSS) is its own:
 * argv is the export file and the list URL; prints {ms, maxRssMb, report} as JSON.
 */
import { dirname, join } from "node:path";
import { main } from "../src/tools/main";

const [exportFile, listUrl, token] = process.argv.slice(2);
const out: string[] = [];
const started = performance.now();
// The history line goes beside the generated export, into the bench's own folder.
const history = join(dirname(exportFile ?? ""), "verify-history.jsonl");
const argv = [
  "verify",
  "--json",
  "--dotenv",
  "test/support/empty.env",
  "--export-file",
  exportFile ?? "",
  "--history",
  history,
];
const code = await main(argv, {
  env: {
    LEGACY_API_URL: "http://127.0.0.1:1/users/{legacy_id}",
    LEGACY_API_LIST_URL: listUrl,
    LEGACY_API_TOKEN: token,
    MIGRATION_CONNECTIONS: "legacy-db",
    REQUIRED_USER_METADATA_KEYS: "locale",
  },
  stdout: (text) => out.push(text),
  stderr: { write: (text: string) => process.stderr.write(text), isTTY: false },
});
const ms = performance.now() - started;
const report = JSON.parse(out.join("")) as { categories: Record<string, { count: number }> };
const counts = Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, v.count]));
process.stdout.write(`${JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, counts })}\n`);
