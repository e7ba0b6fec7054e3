/**
 * BASELINE (b) only: the Action's token-answer reader replaced by the legacy API
 * contract's zod schema (full zod 4). Swapped in by build-baselines.ts.
 */
import type { TokenAnswer } from "../../../src/action/token-answer";
import { oauthTokenAnswerSchema } from "../../../src/shared/legacy-contract";

export function readTokenAnswer(body: unknown): TokenAnswer | undefined {
  const parsed = oauthTokenAnswerSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { access_token, expires_in } = parsed.data;
  return { accessToken: access_token, expiresInSeconds: expires_in === undefined ? undefined : Number(expires_in) };
}
