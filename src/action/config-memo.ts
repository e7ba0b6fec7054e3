/**
 * The configuration of the secrets a login is handed, parsed once per distinct set:
 * Auth0 reuses an instance's module state between executions, and the secrets rarely
 * change. This runs on every login, so the check is a walk over the secrets the login
 * was given (a handful, most of the 21 are usually unset), comparing each name and value
 * with those of the last parse: no string is built, and no absent name is looked up.
 */
import { hasOwn } from "./builtins";
import { type ConfigResult, parseConfig, type Secrets } from "./config";

let parsedNames: string[] = [];
let parsedValues: unknown[] = [];
let parsedResult: ConfigResult | undefined;

/** The same own names with the same values, in the same order, as the last parse. */
function sameAsParsed(secrets: Secrets): boolean {
  let index = 0;
  for (const name in secrets) {
    if (!hasOwn(secrets, name)) return false;
    if (name !== parsedNames[index] || secrets[name] !== parsedValues[index]) return false;
    index++;
  }
  return index === parsedNames.length;
}

export function configFromSecrets(secrets: Secrets): ConfigResult {
  if (parsedResult !== undefined && sameAsParsed(secrets)) return parsedResult;
  const names: string[] = [];
  const values: unknown[] = [];
  for (const name in secrets) {
    if (!hasOwn(secrets, name)) continue;
    names.push(name);
    values.push(secrets[name]);
  }
  parsedResult = parseConfig(secrets);
  parsedNames = names;
  parsedValues = values;
  return parsedResult;
}
