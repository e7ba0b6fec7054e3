/**
 * Where the migration's history lives unless `--history` says otherwise: in the working
 * directory, beside the backfill's checkpoint, where the operator runs the tools from.
 * Both `verify` (which appends) and `report` (which reads) name it in their help.
 */
export const DEFAULT_HISTORY_PATH = ".verify-history.jsonl";

export const HISTORY_FLAG_USAGE = `  --history <path>       the migration's history, one line per verify run (default: ${DEFAULT_HISTORY_PATH})`;
