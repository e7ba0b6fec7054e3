/**
 * The backup `finish` takes before it writes the connection: on disk before the write is
 * sent (a crash right after the PATCH must not take the only copy of the old scripts with
 * it), and never left half-written when the disk refuses it. `node:fs` is wrapped so that
 * the test can see the sync and make it fail.
 */
import { fsyncSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConnectionBackup, readBackup, writeBackup } from "../src/tools/finish/backup-file";
import { ToolError } from "../src/tools/tool-error";

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  return { ...actual, fsyncSync: vi.fn(actual.fsyncSync) };
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "rmm-backup-test-"));
  vi.mocked(fsyncSync).mockClear();
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const raw = {
  id: "con_Legacy0000000001",
  name: "legacy-db",
  strategy: "auth0",
  options: { customScripts: { login: "function login(e, p, cb) { cb(null, null); }" } },
};
const backup: ConnectionBackup = {
  takenAt: "2026-11-29T23:19:35.725Z",
  takenBefore: "finish",
  tenant: "tenant.example.com",
  connection: { id: raw.id, name: raw.name, strategy: raw.strategy, options: raw.options, raw },
};

describe("the connection backup", () => {
  it("is synced to disk before writeBackup returns, mode 0600, and reads back whole", () => {
    const path = writeBackup(folder, backup);
    expect(vi.mocked(fsyncSync)).toHaveBeenCalled();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readBackup(path).connection.raw).toEqual(raw);
    expect(readFileSync(path, "utf8").endsWith("}\n")).toBe(true);
  });

  it("that the disk refuses leaves no half-written file, and says nothing was changed", () => {
    vi.mocked(fsyncSync).mockImplementationOnce(() => {
      throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
    });
    expect(() => writeBackup(folder, backup)).toThrow(ToolError);
    expect(() => writeBackup(folder, backup)).not.toThrow();
    // The second attempt took the same name: the first left nothing behind.
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it("never replaces a file of the same name", () => {
    writeBackup(folder, backup);
    expect(() => writeBackup(folder, backup)).toThrow(/EEXIST/);
  });
});
