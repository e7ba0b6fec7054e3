/**
 * A small, strict `.env` reader shared by `npm run try` and the deploy command. It
 * understands `KEY=value`, `export KEY=value`, `#` comments, blank lines, and single-
 * or double-quoted values (double quotes understand \n, \r, \t, \" and \\). It never
 * expands `$VARIABLES` and never executes anything. A malformed line is an error that
 * names the line number, never the value: the file holds secrets.
 */
import { readFileSync } from "node:fs";

export class EnvFileError extends Error {
  /** `line` is absent when the problem is the file itself (it does not exist). */
  constructor(file: string, line: number | undefined, problem: string) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${problem}`);
    this.name = "EnvFileError";
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

type Value = { ok: true; value: string } | { ok: false; problem: string };

function unquoteDouble(body: string): Value {
  let value = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char !== "\\") {
      value += char;
      continue;
    }
    const escaped = ESCAPES[body[i + 1] ?? ""];
    if (escaped === undefined) return { ok: false, problem: "unknown escape in double-quoted value" };
    value += escaped;
    i++;
  }
  return { ok: true, value };
}

function parseValue(raw: string): Value {
  const text = raw.trim();
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const end = quote === '"' ? closingDoubleQuote(text) : text.indexOf("'", 1);
    if (end < 0) return { ok: false, problem: "unterminated quoted value" };
    const rest = text.slice(end + 1).trim();
    if (rest !== "" && !rest.startsWith("#")) return { ok: false, problem: "text after the closing quote" };
    const body = text.slice(1, end);
    return quote === '"' ? unquoteDouble(body) : { ok: true, value: body };
  }
  // An unquoted value ends at ` #`, so `URL=https://x/#frag` keeps its `#`.
  const comment = text.search(/\s#/);
  return { ok: true, value: (comment >= 0 ? text.slice(0, comment) : text).trim() };
}

function closingDoubleQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Parses the text of a `.env` file; `file` only labels errors. */
export function parseEnvText(text: string, file = ".env"): Record<string, string> {
  const values: Record<string, string> = Object.create(null);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const assignment = trimmed.replace(/^export\s+/, "");
    const equals = assignment.indexOf("=");
    if (equals < 0) throw new EnvFileError(file, index + 1, "expected NAME=value");
    const name = assignment.slice(0, equals).trim();
    if (!NAME.test(name)) throw new EnvFileError(file, index + 1, "invalid variable name");
    const parsed = parseValue(assignment.slice(equals + 1));
    if (!parsed.ok) throw new EnvFileError(file, index + 1, parsed.problem);
    values[name] = parsed.value;
  });
  return { ...values };
}

/**
 * Reads a `.env` file. A file that does not exist is an empty configuration, unless it
 * is `required` (the operator named it): then it is an error that names it.
 */
export function loadEnvFile(path: string, options: { required?: boolean } = {}): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !options.required) return {};
    if (code === "ENOENT") throw new EnvFileError(path, undefined, "no such file");
    if (code === "EISDIR" || code === "EACCES") throw new EnvFileError(path, undefined, "cannot be read");
    throw error;
  }
  return parseEnvText(text, path);
}
