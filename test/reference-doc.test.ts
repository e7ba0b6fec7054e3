// docs/reference.md names every code the Action can log: each list below is typed by the
// Action's own union of codes, so a new code fails here until the page explains it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SKIP_EXPLANATIONS } from "../src/local/try/key-report";
import { TRANSPORT_FAILURES, UNUSABLE_ANSWERS, UNUSABLE_RECORDS } from "../src/local/try/try-explain";
import { CONFIG_REASONS } from "../src/shared/config-problem-text";
import { PROJECT_ROOT } from "../src/shared/project-root";

const reference = readFileSync(join(PROJECT_ROOT, "docs/reference.md"), "utf8");
const section = (heading: string) => {
  const start = reference.indexOf(`\n## ${heading}`);
  const end = reference.indexOf("\n## ", start + 1);
  return reference.slice(start, end === -1 ? undefined : end);
};
const unexplained = (codes: readonly string[], text: string) => codes.filter((code) => !text.includes(`\`${code}\``));

describe("docs/reference.md", () => {
  it("explains every configuration error", () => {
    expect(unexplained(Object.keys(CONFIG_REASONS), section("Configuration errors"))).toEqual([]);
  });

  it("explains every reason a key is never written", () => {
    expect(unexplained(Object.keys(SKIP_EXPLANATIONS), section("Keys that are never written"))).toEqual([]);
  });

  it("explains every reason a lookup fails", () => {
    const codes = [TRANSPORT_FAILURES, UNUSABLE_ANSWERS, UNUSABLE_RECORDS].flatMap((table) => Object.keys(table));
    const failures = section("Answers and outages: the `reason=` of a failed lookup");
    expect(
      unexplained(
        codes.filter((code) => code !== "invalid_response"),
        failures,
      ),
    ).toEqual([]);
  });
});
