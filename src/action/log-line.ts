/**
 * The one log line an execution may write. Auth0 keeps 256 characters of an Action's
 * console output, so the line is `key=value` words that fit, built only from codes and
 * counts this Action chooses: never an email, a username, a legacy value or a secret.
 */
export const LOG_PREFIX = "repair-migrated-metadata";
export const MAX_LOG_LENGTH = 256;

export type LogFields = Record<string, string | number | undefined>;

function clean(value: string | number): string {
  return String(value)
    .replace(/[^A-Za-z0-9_.,+:-]/g, "_")
    .slice(0, 64);
}

export function formatLogLine(fields: LogFields): string {
  let line = LOG_PREFIX;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const word = ` ${key}=${clean(value)}`;
    if (line.length + word.length > MAX_LOG_LENGTH) break;
    line += word;
  }
  return line;
}
