/**
 * `--configuration-file`: the plain values of the connection's `options.configuration`.
 * Auth0 returns those values encrypted, and a write replaces `options` whole: leaving the
 * key out deletes it, and sending the encrypted text back may store it encrypted twice
 * (reported, and not documented either way). So a connection that holds any is written
 * only with every value given here, which Auth0 encrypts again. Values are never printed.
 */
import { readFileSync } from "node:fs";
import { isPlainObject } from "../../action/plain-object";
import { fileErrorReason } from "../file-error-reason";
import { ToolError } from "../tool-error";

export type ConfigurationValues = Readonly<Record<string, string>>;

export function readConfigurationValues(path: string): ConfigurationValues {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ToolError(`cannot read the configuration file ${path}: ${fileErrorReason(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ToolError(`the configuration file ${path} is not JSON`, 'it holds {"KEY": "value", ...}');
  }
  if (!isPlainObject(value) || !Object.values(value).every((item) => typeof item === "string")) {
    throw new ToolError(
      `the configuration file ${path} is not a JSON object of strings`,
      'it holds {"KEY": "value", ...}, one entry per key of the connection\'s configuration',
    );
  }
  return value as ConfigurationValues;
}
