/**
 * The backfill reads each legacy record through the legacy API contract (the zod schema
 * docs/legacy-api.schema.json publishes), then takes the metadata out with the Action's
 * own reader (at its paths or through its maps), so what it writes is exactly what a
 * login would write. A property test
 * holds the schema and the Action's reader to the same verdicts.
 */
import type { Config } from "../../action/config";
import { type LegacyRecord, type RecordReason, readLegacyRecord } from "../../action/legacy-record";
import { legacyRecordSchema, metadataPathsOf } from "../../shared/legacy-contract";

const schemas = new WeakMap<Config, ReturnType<typeof legacyRecordSchema>>();

function schemaFor(config: Config) {
  let schema = schemas.get(config);
  if (!schema) {
    schema = legacyRecordSchema(metadataPathsOf(config));
    schemas.set(config, schema);
  }
  return schema;
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly string[] | undefined) =>
  prefix !== undefined && path.length <= prefix.length && path.every((segment, index) => segment === prefix[index]);

/** Where one breach of the contract lies, named as the Action names it (a mapped side has no path to breach). */
function reasonAt(path: readonly PropertyKey[], config: Config): RecordReason {
  if (path.length === 0) return "record_not_object";
  const { user } = metadataPathsOf(config);
  return startsWith(path, user) ? "user_metadata_not_object" : "app_metadata_not_object";
}

export function readContractRecord(body: unknown, config: Config): LegacyRecord {
  const checked = schemaFor(config).safeParse(body);
  if (!checked.success) {
    // The Action checks the record, then user_metadata, then app_metadata: the first of
    // these that breaks is the reason it would give.
    const reasons = checked.error.issues.map((issue) => reasonAt(issue.path, config));
    const reason =
      reasons.find((each) => each === "record_not_object") ??
      reasons.find((each) => each === "user_metadata_not_object") ??
      "app_metadata_not_object";
    return { ok: false, reason };
  }
  return readLegacyRecord(body, config);
}
