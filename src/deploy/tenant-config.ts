/**
 * The Deploy CLI tenant file for one import: the Action with a `@@NAME@@` keyword for
 * each secret to send, and the complete post-login binding list. Values never appear in
 * the text; the Deploy CLI injects them as JSON strings, which YAML reads back verbatim.
 */
import { ACTION_CODE_PATH, ACTION_NAME, ACTION_RUNTIME, POST_LOGIN } from "../shared/action-identity";
import type { Binding } from "./bindings";

export interface TenantConfigInput {
  secretNames: readonly string[];
  bindings: readonly Binding[];
}

const quoted = (text: string) => JSON.stringify(text);

export function renderTenantYaml({ secretNames, bindings }: TenantConfigInput): string {
  const secrets =
    secretNames.length === 0
      ? ["    secrets: []"]
      : ["    secrets:", ...secretNames.flatMap((name) => [`      - name: ${name}`, `        value: @@${name}@@`])];
  return [
    "actions:",
    `  - name: ${quoted(ACTION_NAME)}`,
    `    code: ${quoted(ACTION_CODE_PATH)}`,
    `    runtime: ${ACTION_RUNTIME}`,
    "    deployed: true",
    "    dependencies: []",
    "    supported_triggers:",
    `      - id: ${POST_LOGIN.id}`,
    `        version: ${POST_LOGIN.version}`,
    ...secrets,
    "triggers:",
    `  ${POST_LOGIN.id}:`,
    ...bindings.flatMap((binding) => [
      `    - action_name: ${quoted(binding.action_name)}`,
      `      display_name: ${quoted(binding.display_name)}`,
    ]),
    "",
  ].join("\n");
}

/**
 * Keyword replacement runs over the whole file, so a binding name that spells one of the
 * keywords would receive a secret value. Such a tenant is refused rather than guessed at.
 */
export function bindingsSpellingKeywords(bindings: readonly Binding[], keywords: readonly string[]): string[] {
  const spells = (text: string) => keywords.some((key) => text.includes(`@@${key}@@`) || text.includes(`##${key}##`));
  return bindings.filter((b) => spells(b.action_name) || spells(b.display_name)).map((b) => b.action_name);
}
