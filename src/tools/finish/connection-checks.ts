/**
 * What the connection must be before its scripts are touched. A database connection
 * (`strategy: "auth0"`) uses its scripts only when `enabledDatabaseCustomization` is on,
 * and migrates users only when `import_mode` is on; `customScripts` alone proves nothing
 * (an empty one has been seen on plain databases).
 */
import type { JsonObject } from "../../action/types";
import type { ConnectionCopy } from "./connection-copy";
import { FinishRefusal } from "./finish-refusal";

/** The options, or the refusal to work on a copy read without them. */
function readableOptions(copy: ConnectionCopy): JsonObject {
  if (copy.options === undefined) {
    throw new FinishRefusal("options_not_readable", `the tenant's answer for "${copy.name}" holds no options`);
  }
  return copy.options;
}

/** A custom database: its scripts are what Auth0 calls. */
export function checkCustomDatabase(copy: ConnectionCopy): JsonObject {
  const options = readableOptions(copy);
  if (copy.strategy !== "auth0") {
    throw new FinishRefusal("not_a_database", `"${copy.name}" has the strategy ${copy.strategy ?? "(none)"}`);
  }
  if (options.enabledDatabaseCustomization !== true) {
    throw new FinishRefusal("not_custom_database", `"${copy.name}" has enabledDatabaseCustomization off`);
  }
  return options;
}

/** A custom database that migrates its users into Auth0: the only kind `finish` switches off. */
export function checkMigrating(copy: ConnectionCopy): JsonObject {
  const options = checkCustomDatabase(copy);
  if (options.import_mode !== true) {
    throw new FinishRefusal("import_mode_off", `"${copy.name}" has import_mode off`);
  }
  return options;
}
