/** The `.env` reader shared by `npm run try` and the deploy command. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EnvFileError, loadEnvFile, parseEnvText } from "../src/shared/env-file";

describe("parseEnvText", () => {
  it("reads names and values, with comments, blank lines and export", () => {
    const text =
      "# the legacy store\nLEGACY_API_URL=https://legacy.example.com/u/{email}\n\nexport MIGRATION_CONNECTIONS = legacy-db \n";
    expect(parseEnvText(text)).toEqual({
      LEGACY_API_URL: "https://legacy.example.com/u/{email}",
      MIGRATION_CONNECTIONS: "legacy-db",
    });
  });

  it("ends an unquoted value at a space before #, but keeps a # inside it", () => {
    expect(parseEnvText("A=abc # note\nB=x#y")).toEqual({ A: "abc", B: "x#y" });
  });

  it("keeps quoted values as written; double quotes understand escapes", () => {
    const text = `A='it''s'\nB="a \\"b\\" \\n c" # comment\nC='$HOME \\n'\nD=""`;
    expect(() => parseEnvText(text)).toThrow(/line 1|:1:/);
    expect(parseEnvText(`B="a \\"b\\" \\n c" # comment\nC='$HOME \\n'\nD=""`)).toEqual({
      B: 'a "b" \n c',
      C: "$HOME \\n",
      D: "",
    });
  });

  it("takes the last value of a repeated name, and handles CRLF and a BOM", () => {
    expect(parseEnvText("\uFEFFA=1\r\nA=2\r\n")).toEqual({ A: "2" });
  });

  it("names the line of a malformed entry, never its value", () => {
    const secret = "s3cr3t-value";
    const cases = [
      `JUST_TEXT ${secret}`,
      `1BAD=${secret}`,
      `A="${secret}`,
      `A="${secret}" trailing`,
      `A="\\q${secret}"`,
    ];
    for (const line of cases) {
      let error: unknown;
      try {
        parseEnvText(`OK=1\n${line}`, "my.env");
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(EnvFileError);
      expect((error as Error).message).toMatch(/^my\.env:2: /);
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it("never gives a name the power to change the result's prototype", () => {
    const parsed = parseEnvText("__proto__=x\nconstructor=y");
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, "__proto__")).toBe(true);
  });
});

describe("loadEnvFile", () => {
  it("reads a file, and treats a missing file as empty unless it is required (named by --dotenv)", () => {
    const dir = mkdtempSync(join(tmpdir(), "env-file-"));
    try {
      const path = join(dir, ".env");
      writeFileSync(path, "LEGACY_API_TOKEN=abc\n");
      expect(loadEnvFile(path)).toEqual({ LEGACY_API_TOKEN: "abc" });
      expect(loadEnvFile(path, { required: true })).toEqual({ LEGACY_API_TOKEN: "abc" });
      const absent = join(dir, "absent.env");
      expect(loadEnvFile(absent)).toEqual({});
      expect(() => loadEnvFile(absent, { required: true })).toThrow(
        new EnvFileError(absent, undefined, "no such file"),
      );
      expect(() => loadEnvFile(dir, { required: true })).toThrow(`${dir}: cannot be read`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
