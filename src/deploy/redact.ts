/**
 * Masks configured secret values in text we print (an error from a library may quote its
 * input). Values shorter than four characters are numbers or switches, not credentials,
 * and masking them would garble the message.
 */
const MIN_LENGTH = 4;

export function redact(text: string, values: Iterable<string>): string {
  let result = text;
  for (const value of values) {
    if (value.length < MIN_LENGTH) continue;
    // The Deploy CLI injects values JSON-encoded, so a quoted error excerpt shows that form.
    for (const form of new Set([value, JSON.stringify(value).slice(1, -1)])) {
      result = result.split(form).join("[redacted]");
    }
  }
  return result;
}
