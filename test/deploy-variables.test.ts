/** .env.example and the example CI workflow name every variable `npm run deploy` reads. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SECRET_NAMES } from "../src/action/secret-names";
import { preflight } from "../src/deploy/preflight";
import { parseEnvText } from "../src/shared/env-file";
import { PROJECT_ROOT } from "../src/shared/project-root";

const TENANT_VARIABLES = ["AUTH0_DOMAIN", "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET", "AUTH0_ACCESS_TOKEN"];
const EVERY_VARIABLE = [...TENANT_VARIABLES, ...SECRET_NAMES];
const read = (path: string) => readFileSync(resolve(PROJECT_ROOT, path), "utf8");

describe("deploy variables", () => {
  const example = parseEnvText(read(".env.example"), ".env.example");

  it(".env.example documents every variable, and only those", () => {
    expect(Object.keys(example)).toEqual(EVERY_VARIABLE);
  });

  it(".env.example holds no value: copied as it is, the deploy asks for what to set", () => {
    expect(Object.values(example).filter((value) => value !== "")).toEqual([]);
    const result = preflight(example, { committed: "", fresh: "" });
    expect(result.ok ? [] : result.problems.map((problem) => problem.subject)).toEqual([
      "AUTH0_DOMAIN",
      "AUTH0_CLIENT_ID",
      "AUTH0_CLIENT_SECRET",
      "LEGACY_API_URL",
      "MIGRATION_CONNECTIONS",
      "LEGACY_API_TOKEN",
    ]);
  });

  it("the CI workflow passes every variable from the secret of the same name", () => {
    const workflow = read(".github/workflows/deploy.yml");
    const passed = [...workflow.matchAll(/^ {10}(\w+): \$\{\{ secrets\.(\w+) \}\}$/gm)];
    expect(passed.map(([, name]) => name)).toEqual(EVERY_VARIABLE);
    expect(passed.every(([, name, secret]) => name === secret)).toBe(true);
    expect(workflow).toMatch(/branches: \[main\]/);
    expect(workflow).toContain("run: npm run deploy");
  });
});
