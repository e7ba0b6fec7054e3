import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../src/action/config";
import { startSampleStore } from "../src/local/sample-store/server";
import { Checkpoint } from "../src/tools/backfill/checkpoint";
import { Progress } from "../src/tools/backfill/progress";
import { parseCliArgs } from "../src/tools/cli-args";
import { ndjsonLines } from "../src/tools/export/ndjson-lines";
import { listLegacyUsers } from "../src/tools/legacy/legacy-list";
import { ToolError } from "../src/tools/tool-error";

async function collect(chunks: Uint8Array[]): Promise<string[]> {
  async function* source() {
    yield* chunks;
  }
  const lines: string[] = [];
  for await (const line of ndjsonLines(source())) lines.push(line);
  return lines;
}

/** Splits bytes into pieces of `size`, so lines and multi-byte characters straddle chunks. */
function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe("export lines", () => {
  const records = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ user_id: `auth0|${i}`, name: `Ü高${i}` }));
  const text = `${records.join("\r\n")}\n\n`;

  it("reads gzip NDJSON in any chunking, including CRLF and characters split across chunks", async () => {
    const gz = gzipSync(text);
    for (const size of [13, 512, 4096]) {
      const lines = await collect(pieces(gz, size));
      expect(lines).toEqual(records);
    }
  });

  it("reads plain NDJSON the same, even split one byte at a time", async () => {
    const bytes = Buffer.from(records.slice(0, 50).join("\n"));
    expect(await collect(pieces(bytes, 1))).toEqual(records.slice(0, 50));
  });

  it("refuses a corrupt gzip stream with an error rather than partial silence", async () => {
    const gz = gzipSync(text);
    const broken = Buffer.concat([gz.subarray(0, 200), Buffer.alloc(200, 7)]);
    await expect(collect([broken])).rejects.toThrow();
  });
});

describe("sample store list endpoint", () => {
  it("pages every user exactly once with an opaque cursor, behind the bearer token", async () => {
    const store = await startSampleStore();
    try {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url = new URL(`${store.origin}/users`);
        url.searchParams.set("limit", "5");
        if (cursor) url.searchParams.set("cursor", cursor);
        const response = await fetch(url, { headers: { authorization: `Bearer ${store.token}` } });
        expect(response.status).toBe(200);
        const body = (await response.json()) as {
          users: Array<{ legacy_id: string; email: string }>;
          next_cursor: string | null;
        };
        seen.push(...body.users.map((u) => u.legacy_id));
        expect(Object.keys(body.users[0] ?? {}).sort()).toEqual(["email", "legacy_id", "username"]);
        cursor = body.next_cursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => String(1001 + i)));
      const unauthorized = await fetch(`${store.origin}/users`);
      expect(unauthorized.status).toBe(401);
      const badCursor = await fetch(`${store.origin}/users?cursor=nonsense`, {
        headers: { authorization: `Bearer ${store.token}` },
      });
      expect(badCursor.status).toBe(400);
    } finally {
      await store.close();
    }
  });
});

describe("legacy user list", () => {
  it("stops on a cursor it was given before, however many pages back, instead of reading for ever", async () => {
    const parsed = parseConfig({
      LEGACY_API_URL: "https://legacy.example.test/users/{legacy_id}",
      MIGRATION_CONNECTIONS: "legacy-db",
      LEGACY_API_TOKEN: "t",
    });
    if (!parsed.ok) throw new Error("the test's configuration is refused");
    // Cursors a, b, c, then a again: no two in a row are the same.
    const next: Record<string, string> = { "": "a", a: "b", b: "c", c: "a" };
    let pages = 0;
    const fakeFetch = (async (input: string | URL | Request) => {
      pages++;
      if (pages > 10) throw new Error("read for ever");
      const cursor = new URL(String(input)).searchParams.get("cursor") ?? "";
      const body = { users: [{ legacy_id: `${pages}` }], next_cursor: next[cursor] };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    }) as typeof fetch;
    const cache = {
      get: () => undefined,
      set: () => ({ type: "success" as const }),
      delete: () => ({ type: "success" as const }),
    };
    const read = async () => {
      const ids: string[] = [];
      for await (const user of listLegacyUsers("https://legacy.example.test/users", parsed.config, {
        fetch: fakeFetch,
        cache,
      }))
        ids.push(user.legacy_id);
      return ids;
    };
    await expect(read()).rejects.toThrow(
      new ToolError(
        "the legacy store's user list returned a cursor it had already returned (page 4 gave again the cursor that led to page 2)",
      ),
    );
    expect(pages).toBe(4);
  });
});

describe("checkpoint", () => {
  const scope = { repairVersion: 2, connections: ["legacy-db"] };
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "rmm-cp-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("round-trips finished users through an atomic replace", () => {
    const dir = freshDir();
    const path = join(dir, "cp.json");
    const first = Checkpoint.open(path, scope);
    first.markDone("auth0|1");
    first.markDone("auth0|2");
    first.save();
    expect(readdirSync(dir)).toEqual(["cp.json"]);
    const again = Checkpoint.open(path, scope);
    expect(again.has("auth0|1") && again.has("auth0|2") && !again.has("auth0|3")).toBe(true);
  });

  it("refuses a checkpoint of another REPAIR_VERSION or another file altogether", () => {
    const path = join(freshDir(), "cp.json");
    const cp = Checkpoint.open(path, scope);
    cp.markDone("auth0|1");
    cp.save();
    expect(() => Checkpoint.open(path, { ...scope, repairVersion: 3 })).toThrow(ToolError);
    writeFileSync(path, '{"hello": 1}');
    expect(() => Checkpoint.open(path, scope)).toThrow(/not a backfill checkpoint/);
  });
});

describe("progress", () => {
  it("writes plain lines with rate and ETA when not on a terminal", () => {
    const written: string[] = [];
    let now = 0;
    const progress = new Progress({
      total: 10,
      output: { write: (t) => written.push(t), isTTY: false },
      lineEveryMs: 1000,
      now: () => now,
    });
    for (let i = 0; i < 10; i++) {
      now += 500;
      progress.tick(i === 3);
    }
    expect(written.every((line) => line.startsWith("progress ") && line.endsWith("\n"))).toBe(true);
    expect(written.at(-1)).toBe("progress 10/10 100%  2.0 users/s  ETA 0:00  failed 1\n");
    expect(written.length).toBeLessThan(10);
  });

  it("redraws one bar in place on a terminal, with log lines above it", () => {
    const written: string[] = [];
    let now = 0;
    const progress = new Progress({ total: 4, output: { write: (t) => written.push(t), isTTY: true }, now: () => now });
    now = 1000;
    progress.tick(false);
    progress.log("auth0|9  FAILED x");
    expect(written[0]).toBe("\r\x1b[2K[######------------------] 1/4 25%  1.0 users/s  ETA 0:03");
    expect(written[1]).toBe("\r\x1b[2Kauth0|9  FAILED x\n");
    expect(written[2]).toContain("1/4 25%");
  });
});

describe("command line", () => {
  it("parses each command's flags and refuses the other's", () => {
    expect(parseCliArgs(["backfill", "--dry-run", "--concurrency", "8"])).toMatchObject({
      kind: "run",
      args: { dryRun: true, concurrency: 8, checkpoint: ".backfill-checkpoint.json" },
      common: { dotenv: { path: ".env", required: false }, timeoutMs: 30_000, debug: false },
    });
    expect(parseCliArgs(["verify", "--json", "--dotenv", "ci.env", "--timeout", "2.5", "--debug"])).toMatchObject({
      kind: "run",
      args: { json: true, examples: 5 },
      common: { dotenv: { path: "ci.env", required: true }, timeoutMs: 2500, debug: true },
    });
    expect(parseCliArgs(["verify", "--dry-run"])).toMatchObject({ kind: "problem", problem: "unknown flag --dry-run" });
    expect(parseCliArgs(["backfill", "--concurrency", "0"])).toMatchObject({
      kind: "problem",
      problem: "--concurrency takes a whole number from 1 to 64",
    });
    expect(parseCliArgs(["verify", "--timeout", "0"])).toMatchObject({ kind: "problem" });
    expect(parseCliArgs(["migrate"])).toMatchObject({
      kind: "problem",
      problem: 'unknown command "migrate" (commands: smoke, verify, backfill, report, finish)',
    });
    expect(parseCliArgs([])).toMatchObject({
      kind: "help",
      text: expect.stringMatching(/^usage: repair-migrated-metadata <command>/),
    });
  });

  it("gives each command its own help", () => {
    const general = parseCliArgs(["--help"]);
    const verify = parseCliArgs(["verify", "--help"]);
    const backfill = parseCliArgs(["help", "backfill"]);
    expect(verify).toMatchObject({
      kind: "help",
      text: expect.stringMatching(/^usage: repair-migrated-metadata verify \[flags\]/),
    });
    expect(backfill).toMatchObject({
      kind: "help",
      text: expect.stringMatching(/^usage: repair-migrated-metadata backfill/),
    });
    expect(verify).not.toEqual(general);
    expect(backfill).toMatchObject({ text: expect.stringContaining("--concurrency <n>") });
    expect(verify).toMatchObject({ text: expect.not.stringContaining("--concurrency") });
  });

  it("says plainly what is wrong with a flag", () => {
    const problem = (argv: string[]) => {
      const call = parseCliArgs(argv);
      return call.kind === "problem" ? call.problem : call.kind;
    };
    expect(problem(["verify", "--env-file", "x.env"])).toBe(
      "unknown flag --env-file: name the variables file with --dotenv <path> (Node takes --env-file for itself)",
    );
    expect(problem(["verify", "--dotenv"])).toBe("--dotenv needs a value");
    expect(problem(["verify", "--dotenv", "--json"])).toBe("--dotenv needs a value");
    expect(problem(["verify", "--json=yes"])).toBe("--json takes no value");
    expect(problem(["verify", "extra"])).toBe('unexpected argument "extra"');
    expect(problem(["--json", "verify"])).toMatch(/^the command comes first/);
    expect(problem(["verify", "-x"])).toBe("unknown flag -x");
  });
});
