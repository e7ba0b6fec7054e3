const DIGITS = /^\d+$/;

/**
 * A text of ASCII digits read as its number, else `undefined`: the one reading of a count
 * in secrets, headers (`Retry-After`), token answers (`expires_in`) and markers (`v`).
 */
export function digitsValue(text: string): number | undefined {
  return DIGITS.test(text) ? Number(text) : undefined;
}
