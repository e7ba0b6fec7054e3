/**
 * `npm run tools:sample`: `verify` and `backfill --dry-run` as a first-time user sees
 * them, with no tenant: the sample legacy store on 127.0.0.1, and as the tenant's side an
 * export file holding the users the local demo starts from (what interrupted migrations
 * left). Nothing is written anywhere but a temporary file.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { initialAuth0Users } from "../src/local/demo/demo-logins";
import { demoSecrets } from "../src/local/demo/demo-secrets";
import { startSampleStore } from "../src/local/sample-store/server";
import { writeExportFile } from "../src/tools/export/export-file";
import { main } from "../src/tools/main";

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
    const verified = await main(["verify", ...common], io);
    process.stdout.write("\n$ npx repair-migrated-metadata backfill --dry-run --export-file users-export.json.gz\n\n");
    const planned = await main(["backfill", "--dry-run", "--checkpoint", join(dir, "checkpoint.json"), ...common], io);
    return Math.max(verified, planned);
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
