/**
 * Every secret the Action reads, in the order the README documents them: the rows of the
 * secret table (secret-table.ts), listed once there.
 */
import { objectKeys } from "./builtins";
import { SECRET_TABLE, type SecretName } from "./secret-table";

export type { SecretName };

export const SECRET_NAMES: readonly SecretName[] = objectKeys(SECRET_TABLE) as SecretName[];
