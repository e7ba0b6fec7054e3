/**
 * Auth0 stores an Action's secrets as strings with fixed limits; a configuration the
 * tenant would refuse at deploy is refused here too, before anything runs.
 */
import { MAX_SECRET_NAME_LENGTH, MAX_SECRET_VALUE_LENGTH, MAX_SECRETS } from "../../shared/auth0-limits";

export class InvalidSecrets extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidSecrets";
  }
}

/** Returns a frozen copy; the message names the secret, never its value. */
export function checkSecrets(secrets: Readonly<Record<string, unknown>>): Readonly<Record<string, string>> {
  const names = Object.keys(secrets);
  if (names.length > MAX_SECRETS) throw new InvalidSecrets(`an Action may have at most ${MAX_SECRETS} secrets`);
  const checked: Record<string, string> = {};
  for (const name of names) {
    const value = secrets[name];
    if (name.length === 0 || name.length > MAX_SECRET_NAME_LENGTH) {
      throw new InvalidSecrets(`secret name must have 1 to ${MAX_SECRET_NAME_LENGTH} characters`);
    }
    if (typeof value !== "string") throw new InvalidSecrets(`secret ${name} must be a string, got ${typeof value}`);
    if (value.length > MAX_SECRET_VALUE_LENGTH) {
      throw new InvalidSecrets(`secret ${name} is longer than ${MAX_SECRET_VALUE_LENGTH} characters`);
    }
    checked[name] = value;
  }
  return Object.freeze(checked);
}
