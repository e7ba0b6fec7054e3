/**
 * The legacy API contract as zod schemas: what the legacy store (and its OAuth token
 * endpoint) must answer. The operator tools validate what they read with these; `npm
 * run build` exports them as JSON Schema to docs/legacy-api.schema.json for the team
 * that owns the legacy API; and a property test holds the Action's own hand-written
 * readers (src/action/legacy-record.ts, token-answer.ts), which carry no schema library,
 * to exactly the verdicts of these schemas.
 */
import { z } from "zod";
import type { Config } from "../action/config";
import type { MetadataSource } from "../action/metadata-map";
import { MAX_ACCESS_TOKEN_LENGTH } from "../action/token-answer";

/** A metadata object as the store sends it; each key is judged later, by the fill plan. */
const metadataObject = z
  .record(z.string(), z.unknown())
  .describe("Metadata to restore: a JSON object. Keys Auth0 cannot store as sent are skipped one by one.");

export interface MetadataPaths {
  /**
   * Segments of LEGACY_USER_METADATA_PATH / LEGACY_APP_METADATA_PATH; absent for a side
   * read through its map, which asks nothing of the record's shape.
   */
  user?: readonly string[];
  app?: readonly string[];
}

export const DEFAULT_METADATA_PATHS: MetadataPaths = { user: ["user_metadata"], app: ["app_metadata"] };

/** Both sides mapped: the record may be any JSON object. */
export const MAPPED_METADATA_PATHS: MetadataPaths = {};

const pathOf = (source: MetadataSource) => ("path" in source ? source.path : undefined);

/** The paths a configuration asks of the record. */
export function metadataPathsOf(config: Config): MetadataPaths {
  return { user: pathOf(config.userMetadataSource), app: pathOf(config.appMetadataSource) };
}

interface PathNode {
  /** A metadata object ends here. */
  leaf: boolean;
  children: Map<string, PathNode>;
}

function pathTree(paths: readonly (readonly string[])[]): PathNode {
  const root: PathNode = { leaf: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      let child = node.children.get(segment);
      if (!child) {
        child = { leaf: false, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.leaf = true;
  }
  return root;
}

/** An object whose keys on the paths are absent, null, or what the paths need below them. */
function nodeSchema(node: PathNode): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [segment, child] of node.children) shape[segment] = nodeSchema(child).nullable().optional();
  if (node.children.size === 0) return metadataObject;
  const container = z.looseObject(shape);
  return node.leaf ? metadataObject.and(container) : container;
}

const RECORD_DESCRIPTIONS = {
  paths:
    "One user's legacy record (GET LEGACY_API_URL, status 200). The metadata objects are at " +
    "LEGACY_USER_METADATA_PATH and LEGACY_APP_METADATA_PATH (here the defaults); either may be absent or null. " +
    "A side configured with a map (LEGACY_USER_METADATA_MAP / LEGACY_APP_METADATA_MAP) asks nothing of the record.",
  mapped:
    "One user's legacy record (GET LEGACY_API_URL, status 200) when both LEGACY_USER_METADATA_MAP and " +
    "LEGACY_APP_METADATA_MAP are set: any JSON object. Each mapped key takes the value at its dot path as it is; " +
    "a path that leads to nothing, to null or through a value that is neither an object nor an array gives no key.",
};

/**
 * One user's record (the answer to `GET LEGACY_API_URL` with status 200): a JSON object
 * with the user's metadata objects at the configured paths, either of them absent or
 * null. A side read through a map adds no constraint: with both, any JSON object.
 */
export function legacyRecordSchema(paths: MetadataPaths = DEFAULT_METADATA_PATHS): z.ZodType {
  const constrained = [paths.user, paths.app].filter((path) => path !== undefined);
  const description = constrained.length === 0 ? RECORD_DESCRIPTIONS.mapped : RECORD_DESCRIPTIONS.paths;
  return nodeSchema(pathTree(constrained)).describe(description);
}

/** One page of the legacy user list that `verify` reads (`GET LEGACY_API_LIST_URL`). */
export const legacyUserListPageSchema = z
  .object({
    users: z.array(
      z.object({
        legacy_id: z
          .union([z.string().min(1), z.number()])
          .describe("The id in the user's Auth0 user_id, auth0|<legacy_id>."),
        email: z.string().nullable().optional(),
        username: z.string().nullable().optional(),
      }),
    ),
    next_cursor: z
      .string()
      .nullable()
      .optional()
      .describe(
        "Ask again with cursor=<next_cursor> while this is a non-empty string; null, absent or empty ends the list.",
      ),
  })
  .describe("One page of the legacy user list (GET LEGACY_API_LIST_URL), read by `verify`.");

export type LegacyUserListPage = z.infer<typeof legacyUserListPageSchema>;

/** The OAuth2 token endpoint's answer to a client-credentials request. */
export const oauthTokenAnswerSchema = z
  .object({
    access_token: z
      .string()
      .min(1)
      .max(MAX_ACCESS_TOKEN_LENGTH)
      // What a request header carries (RFC 9110 field-value): tab, space, visible ASCII, obs-text.
      .regex(/^[\t -~\u0080-\u00ff]*$/)
      .describe(
        "Sent as `Authorization: Bearer <access_token>`: no line break, control character or character beyond U+00FF.",
      ),
    expires_in: z
      .union([z.number(), z.string().regex(/^\d+$/)])
      .optional()
      .describe("Seconds the token lives; 300 when absent."),
  })
  .describe("The answer of LEGACY_OAUTH_TOKEN_URL to a client-credentials request (status 200).");
