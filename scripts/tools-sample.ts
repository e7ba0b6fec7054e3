/**
 * `npm run tools:sample`: the operator tools as a first-time user sees them, with no
 * tenant: the sample legacy store on 127.0.0.1, and as the tenant's side an export file
 * holding the users the local demo starts from (what interrupted migrations left).
 * `verify` and `backfill --dry-run` run over that; then a synthetic four-week history of
 * verify runs over the same store becomes the `report` page, written to
 * .tmp/tools-sample/ (the only thing left behind; it is replaced at each run).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { initialAuth0Users } from "../src/local/demo/demo-logins";
import { demoSecrets } from "../src/local/demo/demo-secrets";
import { startSampleStore } from "../src/local/sample-store/server";
import { PROJECT_ROOT } from "../src/shared/project-root";
import { dotenvChoice } from "../src/shared/variables";
import { writeExportFile } from "../src/tools/export/export-file";
import { main } from "../src/tools/main";
import { readToolSettings } from "../src/tools/tool-settings";
import { writeSampleHistory } from "./sample-history";

const SAMPLE_OUT = resolve(PROJECT_ROOT, ".tmp/tools-sample");

async function sampleTry(): Promise<number> {
  const store = await startSampleStore();
  const dir = mkdtempSync(join(tmpdir(), "rmm-tools-sample-"));
  try {
    const exportFile = join(dir, "users-export.json.gz");
    const users = initialAuth0Users();
    await writeExportFile(exportFile, users);
    const env = { ...demoSecrets(store), LEGACY_API_LIST_URL: `${store.origin}/users` };
    const io = {
      env,
      stdout: (text: string) => process.stdout.write(text),
      stderr: process.stderr,
    };
    // An empty variables file: a .env of the person trying this must not change the sample.
    const dotenv = join(dir, "sample.env");
    writeFileSync(dotenv, "");
    const common = ["--dotenv", dotenv, "--export-file", exportFile];
    process.stdout.write(
      `Sample legacy store on ${store.origin}; the tenant's side is an export file of ${users.length} users.\n`,
    );
    process.stdout.write("\n$ npx repair-migrated-metadata verify --export-file users-export.json.gz\n\n");
    const verified = await main(["verify", ...common, "--history", join(dir, "verify-history.jsonl")], io);
    process.stdout.write("\n$ npx repair-migrated-metadata backfill --dry-run --export-file users-export.json.gz\n\n");
    const planned = await main(["backfill", "--dry-run", "--checkpoint", join(dir, "checkpoint.json"), ...common], io);

    mkdirSync(SAMPLE_OUT, { recursive: true });
    const history = join(SAMPLE_OUT, "verify-history.jsonl");
    const page = join(SAMPLE_OUT, "migration-report.html");
    rmSync(history, { force: true });
    const { config, listUrl } = readToolSettings(env, dotenvChoice(dotenv), { tenant: false, listUrl: true });
    const runs = await writeSampleHistory(config, listUrl ?? "", history, new Date());
    process.stdout.write(
      `\nA synthetic history: ${runs} verify runs over four weeks of a migration of the same store, in\n${history}\n`,
    );
    process.stdout.write("\n$ npx repair-migrated-metadata report --history verify-history.jsonl\n\n");
    const reported = await main(["report", "--dotenv", dotenv, "--history", history, "--out", page], io);
    process.stdout.write(`\nOpen it in a browser: ${pathToFileURL(page).href}\n`);
    return Math.max(verified, planned, reported);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await store.close();
  }
}

sampleTry().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sample run failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
