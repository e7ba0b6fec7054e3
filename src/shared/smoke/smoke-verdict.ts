/**
 * What one test run in Auth0's runtime proves, from the Action's own log line (its
 * outcome, reason and secret) and from what Auth0 said around it. The Action names every
 * failure with a reason code, so the verdict names the cause, or the secret to check.
 */
import type { Config } from "../../action/config";
import type { LogLineFields } from "../action-log-fields";
import { explainConfigProblem } from "../config-problem-text";
import { causeOfReason, describeCause } from "../failure-cause";
import { AUTH_SECRETS } from "../legacy-auth-secrets";
import type { TestAnswer } from "./test-answer";

export type SmokeVerdict =
  | "store_answered"
  | "store_failed"
  | "configuration_wrong"
  | "action_failed"
  | "action_silent"
  | "answer_unreadable";

export const VERDICT_HEADLINES: Record<SmokeVerdict, string> = {
  store_answered: "OK: the Action reached the legacy store from inside Auth0",
  store_failed: "FAILED: the Action could not use the legacy store from inside Auth0",
  configuration_wrong: "FAILED: the Action's configuration in Auth0 is wrong",
  action_failed: "FAILED: the Action did not complete in Auth0's runtime",
  action_silent: "FAILED: the Action ran but did nothing for this user",
  answer_unreadable: "UNKNOWN: Auth0's answer could not be read",
};

export interface SmokeFinding {
  verdict: SmokeVerdict;
  /** What happened, in a sentence. */
  detail: string;
  /** The secret to check, when the configuration is to blame. */
  secret?: string;
  /** What to do next. */
  hint?: string;
}

/** Reached from Auth0's network, not this machine's: what differs there. */
const FROM_AUTH0 =
  "Auth0 calls the store from its own network: the host must resolve in public DNS, let Auth0's outbound IP " +
  "addresses through any allow list, and present a certificate from a public CA, valid for that host";

const METADATA_PATH_SECRETS: Readonly<Record<string, string>> = {
  user_metadata_not_object: "LEGACY_USER_METADATA_PATH",
  app_metadata_not_object: "LEGACY_APP_METADATA_PATH",
};

function where(reason: string): string {
  return reason.startsWith("oauth_") ? "the OAuth token endpoint (LEGACY_OAUTH_TOKEN_URL)" : "the legacy store";
}

function storeFailure(reason: string): SmokeFinding {
  const cause = causeOfReason(reason);
  const hint =
    cause.kind === "status"
      ? "the store answered but failed; look at its own logs for this request"
      : cause.kind === "answer"
        ? undefined
        : FROM_AUTH0;
  return { verdict: "store_failed", detail: `${where(reason)} failed: ${describeCause(cause)}`, hint };
}

function invalidResponse(reason: string, config: Config): SmokeFinding {
  const cause = causeOfReason(reason);
  if (cause.kind === "status" && (cause.status === 401 || cause.status === 403)) {
    const secret = reason.startsWith("oauth_") ? AUTH_SECRETS.oauth : AUTH_SECRETS[config.auth.kind];
    return {
      verdict: "configuration_wrong",
      detail: `${where(reason)} refused the credentials (HTTP ${cause.status})`,
      secret,
      hint: `check the Action's ${secret} in Auth0 (deploy again with the right value)`,
    };
  }
  const pathSecret = METADATA_PATH_SECRETS[reason];
  if (pathSecret) {
    return {
      verdict: "configuration_wrong",
      detail: `the store's record holds something that is not an object at ${pathSecret}`,
      secret: pathSecret,
      hint: `check ${pathSecret} against the record the store sends`,
    };
  }
  return storeFailure(reason);
}

function fromOutcome(fields: LogLineFields, config: Config): SmokeFinding {
  const reason = fields.reason ?? "";
  switch (fields.outcome) {
    case "repaired":
      return { verdict: "store_answered", detail: "it answered with the user's record" };
    case "not_found":
      return {
        verdict: "store_answered",
        detail: "it answered that it does not know this user (404)",
        hint: "if the user exists in the legacy store, check LEGACY_API_URL and the --email / --legacy-id / --username given",
      };
    case "legacy_error":
      return storeFailure(reason);
    case "legacy_down":
      return {
        verdict: "store_failed",
        detail: "an earlier failure of the store is remembered in Auth0's cache, so the Action did not call it",
        hint: "the store failed shortly before; run smoke again in two minutes",
      };
    case "invalid_response":
      return invalidResponse(reason, config);
    case "config_error": {
      const secret = fields.secret ?? "a secret";
      const lookup = /^user_has_no_usable_(\w+)$/.exec(reason);
      if (lookup) {
        return {
          verdict: "configuration_wrong",
          detail: `LEGACY_API_URL, as deployed, needs the user's ${lookup[1]}, which was not given`,
          secret: "LEGACY_API_URL",
          hint: `pass --${lookup[1] === "legacy_id" ? "legacy-id" : lookup[1]}, or check that the deployed LEGACY_API_URL is the one you meant`,
        };
      }
      return {
        verdict: "configuration_wrong",
        detail: explainConfigProblem({ subject: secret, reason }),
        secret,
        hint: "set it as for the deploy, then run npm run deploy again",
      };
    }
    case "internal_error":
      return { verdict: "action_failed", detail: `the Action hit an unexpected error (${reason}); please report it` };
    default:
      return {
        verdict: "answer_unreadable",
        detail: `the Action's log line has an outcome this version does not know (${fields.outcome ?? "none"})`,
      };
  }
}

export function findingFor(
  answer: TestAnswer,
  fields: LogLineFields | undefined,
  config: Config,
  connection: string,
): SmokeFinding {
  if (answer.kind === "unexpected") {
    return {
      verdict: "answer_unreadable",
      detail: answer.why,
      hint: "run again with --json to see the answer as Auth0 sent it",
    };
  }
  if (answer.error) {
    const { name, message } = answer.error;
    const thrown = [name, message].filter((part) => part !== undefined).join(": ") || "an error without a message";
    return {
      verdict: "action_failed",
      detail: `Auth0 reported ${thrown}`,
      hint: "run again with --json to see the whole error (its stack included)",
    };
  }
  if (fields) return fromOutcome(fields, config);
  return {
    verdict: "action_silent",
    detail: `no log line came back: the Action skipped the user, as it does for users of connections it is not configured for`,
    hint: `check that the deployed MIGRATION_CONNECTIONS names "${connection}"; --json shows Auth0's whole answer`,
  };
}
