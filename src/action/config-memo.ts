/**
 * The configuration of the secrets a login is handed, parsed once per distinct set:
 * Auth0 reuses an instance's module state between executions, and the secrets rarely
 * change. This runs on every login, so the check is a walk over the secrets the login
 * was given (a handful, most of the 21 are usually unset), comparing each name and value
 * with those of the last parse: no string is built, and no absent name is looked up.
 * What decides whether a login needs the store is parsed first; the whole configuration
 * only once a login with these secrets needs it.
 */
import { hasOwn } from "./builtins";
import { type ConfigResult, type DetectionConfig, parseConfig, parseDetectionConfig, type Secrets } from "./config";

let parsedNames: string[] | undefined;
let parsedValues: unknown[] = [];
let parsedDetection: DetectionConfig | undefined;
let parsedResult: ConfigResult | undefined;

/** The same own names with the same values, in the same order, as the last parse. */
function sameAsParsed(secrets: Secrets): boolean {
  if (parsedNames === undefined) return false;
  let index = 0;
  for (const name in secrets) {
    if (!hasOwn(secrets, name)) return false;
    if (name !== parsedNames[index] || secrets[name] !== parsedValues[index]) return false;
    index++;
  }
  return index === parsedNames.length;
}

/** `undefined` when a secret detection reads is wrong (configFromSecrets says which). */
export function detectionConfigFromSecrets(secrets: Secrets): DetectionConfig | undefined {
  if (sameAsParsed(secrets)) return parsedDetection;
  const names: string[] = [];
  const values: unknown[] = [];
  for (const name in secrets) {
    if (!hasOwn(secrets, name)) continue;
    names.push(name);
    values.push(secrets[name]);
  }
  parsedDetection = parseDetectionConfig(secrets);
  parsedResult = undefined;
  parsedNames = names;
  parsedValues = values;
  return parsedDetection;
}

export function configFromSecrets(secrets: Secrets): ConfigResult {
  detectionConfigFromSecrets(secrets);
  parsedResult ??= parseConfig(secrets);
  return parsedResult;
}
