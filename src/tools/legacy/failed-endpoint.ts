/**
 * Which legacy endpoint a failed call names, for its message: the Action calls its OAuth
 * token endpoint's failures `oauth_…`, and any other failure is the call to `url` itself.
 * The user list and the backfill's record fetches both say it this way.
 */
import type { Config } from "../../action/config";

export interface FailedEndpoint {
  /** Whether it was the OAuth token request rather than the call to `url`. */
  token: boolean;
  host: string;
  /** The variable that names the host. */
  source: string;
}

export function failedEndpoint(reason: string, config: Config, url: string, urlSource: string): FailedEndpoint {
  if (reason.startsWith("oauth_") && config.auth.kind === "oauth") {
    return { token: true, host: new URL(config.auth.tokenUrl).host, source: "LEGACY_OAUTH_TOKEN_URL" };
  }
  return { token: false, host: new URL(url).host, source: urlSource };
}
