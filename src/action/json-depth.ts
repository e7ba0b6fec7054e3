/**
 * How deeply a JSON text nests, checked before it is parsed. V8's JSON.parse takes about
 * ten times longer over a deeply nested body than over a flat one of the same size
 * (tens of milliseconds for 256 KiB), and that time is spent after the login's budget
 * has been checked. No record nests anywhere near this deep: values deeper than 32
 * levels are skipped anyway.
 */
export const MAX_JSON_NESTING = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** `[` and `]` differ from `{` and `}` by this bit alone, so one comparison takes both. */
const BRACKET_TO_BRACE = 0x20;

/** Whether an array or object opens past MAX_JSON_NESTING levels (brackets inside strings do not count). */
export function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (inString) {
      if (unit === BACKSLASH) i++;
      else if (unit === QUOTE) inString = false;
    } else if (unit === QUOTE) inString = true;
    else if ((unit | BRACKET_TO_BRACE) === OPEN_BRACE) {
      if (++depth > MAX_JSON_NESTING) return true;
    } else if ((unit | BRACKET_TO_BRACE) === CLOSE_BRACE) depth--;
  }
  return false;
}
