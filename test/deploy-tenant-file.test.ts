/**
 * tenant.yaml (for people who run a0deploy themselves) and the file `npm run deploy`
 * generates describe the same Action, and both survive the Deploy CLI's own keyword
 * replacement with any secret value intact.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { keywordReplace } from "auth0-deploy-cli/lib/tools/utils";
import { describe, expect, it } from "vitest";
import { SECRET_NAMES } from "../src/action/secret-names";
import { bindingsSpellingKeywords, renderTenantYaml } from "../src/deploy/tenant-config";
import { ACTION_NAME } from "../src/shared/action-identity";
import { BUNDLE } from "../src/shared/build-config";
import { PROJECT_ROOT } from "../src/shared/project-root";

// The YAML parser the Deploy CLI itself loads tenant files with.
const yaml = createRequire(import.meta.url)("js-yaml") as { load: (text: string) => unknown };

interface TenantFile {
  actions: Array<Record<string, unknown> & { secrets: Array<{ name: string; value: string }>; code: string }>;
  triggers: Record<string, Array<{ action_name: string; display_name: string }>>;
}

const committedYaml = readFileSync(resolve(PROJECT_ROOT, "tenant.yaml"), "utf8");
const OURS = { action_name: ACTION_NAME, display_name: ACTION_NAME };
// Values YAML and regular expressions would misread if they were pasted in unescaped.
const tricky = (name: string) => `${name}: "v" 'q' #h $& $1 \\ {x} [y] \n|> *a &b !c %d @e`;
const everyValue = Object.fromEntries(SECRET_NAMES.map((name) => [name, tricky(name)]));

const load = (text: string, mappings: Record<string, string>) =>
  yaml.load(keywordReplace(text, mappings)) as TenantFile;

describe("tenant.yaml", () => {
  const tenant = load(committedYaml, everyValue);

  it("describes the Action as npm run deploy does, with every secret", () => {
    const generated = load(renderTenantYaml({ secretNames: SECRET_NAMES, bindings: [OURS] }), everyValue);
    expect(tenant).toEqual(generated);
  });

  it("is a post-login v3 node22 Action, deployed, without dependencies, bound to post-login", () => {
    const [action] = tenant.actions;
    expect(tenant.actions).toHaveLength(1);
    expect(action).toMatchObject({
      name: ACTION_NAME,
      runtime: "node22",
      deployed: true,
      dependencies: [],
      supported_triggers: [{ id: "post-login", version: "v3" }],
    });
    expect(resolve(PROJECT_ROOT, action?.code ?? "")).toBe(BUNDLE);
    expect(tenant.triggers).toEqual({ "post-login": [OURS] });
  });

  it("receives each secret value verbatim through keyword replacement", () => {
    expect(tenant.actions[0]?.secrets).toEqual(SECRET_NAMES.map((name) => ({ name, value: tricky(name) })));
  });

  it("fails to load, rather than send the keyword as a value, when a keyword is not mapped", () => {
    const { LEGACY_API_TOKEN: _, ...missingOne } = everyValue;
    expect(() => load(committedYaml, missingOne)).toThrow();
  });
});

describe("the tenant file npm run deploy generates", () => {
  it("lists only the secrets that are set", () => {
    const names = ["LEGACY_API_URL", "MIGRATION_CONNECTIONS", "LEGACY_API_BASIC_AUTH"];
    const file = load(renderTenantYaml({ secretNames: names, bindings: [OURS] }), everyValue);
    expect(file.actions[0]?.secrets.map((secret) => secret.name)).toEqual(names);
  });

  it("writes back binding names of any shape exactly", () => {
    const odd = { action_name: `a: "b" #c 'd'`, display_name: "ünï — [x] {y}" };
    const file = load(renderTenantYaml({ secretNames: [], bindings: [odd, OURS] }), everyValue);
    expect(file.triggers["post-login"]).toEqual([odd, OURS]);
    expect(file.actions[0]?.secrets).toEqual([]);
  });

  it("finds binding names that keyword replacement would fill with a secret", () => {
    const bindings = [
      { action_name: "plain", display_name: "plain" },
      { action_name: "x", display_name: "show @@LEGACY_API_TOKEN@@" },
      { action_name: "##LEGACY_API_URL##", display_name: "y" },
      { action_name: "z", display_name: "@@NOT_A_SECRET@@ and ## alone" },
    ];
    expect(bindingsSpellingKeywords(bindings, ["LEGACY_API_TOKEN", "LEGACY_API_URL"])).toEqual([
      "x",
      "##LEGACY_API_URL##",
    ]);
  });
});
