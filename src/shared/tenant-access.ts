/**
 * One Management API token for a whole command, fetched the way the Deploy CLI fetches
 * it (client credentials for `https://<domain>/api/v2/`), so the deploy's own reads, the
 * Deploy CLI's requests and the tools all run under the same grant. The token request is
 * bounded in time and fails as one StepFailure; the SDK client it returns takes the same
 * bound for each request.
 */
import { ManagementClient } from "auth0";
import { readCappedText } from "../action/read-body";
import { boundedCall } from "./bounded-call";
import { StatusError } from "./failure-cause";
import { errorCode } from "./management-status";
import { StepFailure } from "./step-failure";
import type { TenantCredentials } from "./tenant-credentials";

export interface TenantAccess {
  domain: string;
  accessToken: string;
  management: ManagementClient;
}

export interface TenantAccessOptions {
  /** Bound of the token request and of each Management API request. */
  timeoutMs: number;
  /** The SDK's own retries; 0 when a rate governor paces and retries every call. */
  sdkRetries?: number;
}

const TOKEN_STEP = "requesting a Management API token";
const TOKEN_BODY_CAP = 64 * 1024;
const TOKEN_HINT =
  "check AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, and that the application is authorized for the Management API";

export async function openTenant(credentials: TenantCredentials, options: TenantAccessOptions): Promise<TenantAccess> {
  const { domain } = credentials;
  const accessToken =
    "accessToken" in credentials
      ? credentials.accessToken
      : await clientCredentialsToken(credentials, options.timeoutMs);
  const management = new ManagementClient({
    domain,
    token: accessToken,
    maxRetries: options.sdkRetries ?? 0,
    timeoutInSeconds: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
  });
  return { domain, accessToken, management };
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function clientCredentialsToken(
  credentials: { domain: string; clientId: string; clientSecret: string },
  timeoutMs: number,
): Promise<string> {
  const { domain } = credentials;
  const place = { step: TOKEN_STEP, host: domain, timeoutMs, source: "AUTH0_DOMAIN", hint: TOKEN_HINT };
  const answer: unknown = await boundedCall(place, async (signal) => {
    const response = await fetch(`https://${domain}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        audience: `https://${domain}/api/v2/`,
      }).toString(),
      redirect: "manual",
      signal,
    });
    // Capped as it is read: a body over the cap, or not text, holds no token worth reading.
    const body = await readCappedText(response, TOKEN_BODY_CAP);
    const json = body.ok ? parsedOrUndefined(body.text) : undefined;
    // The OAuth error body (`{"error": "access_denied"}`) gives its short code, as the Management API's do.
    if (response.status !== 200) throw new StatusError(response.status, response.headers, errorCode(json));
    return json;
  });
  const token =
    typeof answer === "object" && answer !== null ? (answer as { access_token?: unknown }).access_token : undefined;
  if (typeof token !== "string" || token === "") {
    throw new StepFailure(TOKEN_STEP, domain, { kind: "answer", detail: "no access_token in the answer" });
  }
  return token;
}
