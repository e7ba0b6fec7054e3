/**
 * The legacy record URL template: which placeholders it uses, whether it is safe to
 * call, and how one user's values are put into it.
 */

export const PLACEHOLDERS = ["email", "username", "legacy_id"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Why a URL secret is refused (a subset of the configuration reasons). */
export type UrlReason =
  | "not_a_url"
  | "credentials_in_url"
  | "not_https"
  | "unknown_placeholder"
  | "unbalanced_brace"
  | "no_placeholder"
  | "has_fragment"
  | "placeholder_in_host";

export type TemplateCheck = { ok: true; placeholders: Placeholder[] } | { ok: false; reason: UrlReason };

const refused = (reason: UrlReason) => ({ ok: false, reason }) as const;

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOST.test(hostname);
}

/** `https:` everywhere, `http:` only to this machine; no credentials in the URL (fetch refuses them). */
export function checkEndpointUrl(raw: string): { ok: true; url: URL } | { ok: false; reason: UrlReason } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refused("not_a_url");
  }
  if (url.username || url.password) return refused("credentials_in_url");
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return { ok: true, url };
  return refused("not_https");
}

/** A template cut at its placeholders: `literals` holds one more piece than `names`. */
interface TemplatePieces {
  literals: string[];
  names: string[];
  /** A `{` or `}` that does not frame a placeholder. */
  strayBrace: boolean;
}

/**
 * Each `{name}` (no brace inside) is a placeholder; any other brace is stray. A scan
 * rather than a regular expression: the template is checked and filled on an instance's
 * first login that needs the store, where a compilation shows.
 */
function templatePieces(template: string): TemplatePieces {
  const literals: string[] = [];
  const names: string[] = [];
  let strayBrace = false;
  let literalStart = 0;
  for (let at = nextBrace(template, 0); at !== -1; at = nextBrace(template, at + 1)) {
    const close = template.indexOf("}", at + 1);
    const open = template.indexOf("{", at + 1);
    if (template.charAt(at) === "{" && close !== -1 && (open === -1 || close < open)) {
      literals.push(template.slice(literalStart, at));
      names.push(template.slice(at + 1, close));
      literalStart = close + 1;
      at = close;
    } else strayBrace = true;
  }
  literals.push(template.slice(literalStart));
  return { literals, names, strayBrace };
}

function nextBrace(template: string, from: number): number {
  const open = template.indexOf("{", from);
  const close = template.indexOf("}", from);
  return open === -1 ? close : close === -1 ? open : Math.min(open, close);
}

export function checkUrlTemplate(template: string): TemplateCheck {
  const { literals, names, strayBrace } = templatePieces(template);
  const placeholders: Placeholder[] = [];
  for (const name of names) {
    if (!isPlaceholder(name)) return refused("unknown_placeholder");
    if (!placeholders.includes(name)) placeholders.push(name);
  }
  if (strayBrace) return refused("unbalanced_brace");
  if (placeholders.length === 0) return refused("no_placeholder");
  if (template.includes("#")) return refused("has_fragment");
  const sampleA = checkEndpointUrl(literals.join("a"));
  if (!sampleA.ok) return sampleA;
  const sampleB = checkEndpointUrl(literals.join("b"));
  // A placeholder before the path would let a user's email choose the host. (Scheme and
  // host, port included, are the origin of an http(s) URL; `origin` itself costs a
  // first-call compilation more on a cold start.)
  const { url: a } = sampleA;
  if (!sampleB.ok || a.protocol !== sampleB.url.protocol || a.host !== sampleB.url.host) {
    return refused("placeholder_in_host");
  }
  return { ok: true, placeholders };
}

/** `field`: the first placeholder this user has no usable value for. */
export type FilledUrl = { ok: true; url: string } | { ok: false; field: string };

/**
 * Percent-encodes every value so that no user-controlled character can change the
 * path or the query. `.` and `..` are refused because URL parsing resolves them as
 * path segments even when encoded, and an empty value would address the collection.
 */
export function fillUrlTemplate(template: string, values: PlaceholderValues): FilledUrl {
  const { literals, names } = templatePieces(template);
  let url = literals[0] ?? "";
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? "";
    // The configuration admits only known placeholders; any other name has no value.
    const value = isPlaceholder(name) ? values[name] : undefined;
    if (value === undefined || value === "" || value === "." || value === ".." || !value.isWellFormed()) {
      return { ok: false, field: name };
    }
    url += encodeURIComponent(value) + (literals[i + 1] ?? "");
  }
  return { ok: true, url };
}
