/**
 * The legacy record URL template: which placeholders it uses, whether it is safe to
 * call, and how one user's values are put into it.
 */

export const PLACEHOLDERS = ["email", "username", "legacy_id"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const PLACEHOLDER_PATTERN = /\{([^{}]*)\}/g;
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
    return { ok: false, reason: "not_a_url" };
  }
  if (url.username || url.password) return { ok: false, reason: "credentials_in_url" };
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return { ok: true, url };
  return { ok: false, reason: "not_https" };
}

export function checkUrlTemplate(template: string): TemplateCheck {
  const placeholders: Placeholder[] = [];
  for (const match of template.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1] ?? "";
    if (!isPlaceholder(name)) return { ok: false, reason: "unknown_placeholder" };
    if (!placeholders.includes(name)) placeholders.push(name);
  }
  const rest = template.replace(PLACEHOLDER_PATTERN, "");
  if (rest.includes("{") || rest.includes("}")) return { ok: false, reason: "unbalanced_brace" };
  if (placeholders.length === 0) return { ok: false, reason: "no_placeholder" };
  if (template.includes("#")) return { ok: false, reason: "has_fragment" };
  const sampleA = checkEndpointUrl(template.replace(PLACEHOLDER_PATTERN, "a"));
  if (!sampleA.ok) return sampleA;
  const sampleB = checkEndpointUrl(template.replace(PLACEHOLDER_PATTERN, "b"));
  // A placeholder before the path would let a user's email choose the host.
  if (!sampleB.ok || sampleA.url.origin !== sampleB.url.origin) {
    return { ok: false, reason: "placeholder_in_host" };
  }
  return { ok: true, placeholders };
}

export type FilledUrl = { ok: true; url: string } | { ok: false; field: Placeholder };

/**
 * Percent-encodes every value so that no user-controlled character can change the
 * path or the query. `.` and `..` are refused because URL parsing resolves them as
 * path segments even when encoded, and an empty value would address the collection.
 */
export function fillUrlTemplate(template: string, values: PlaceholderValues): FilledUrl {
  let missing: Placeholder | undefined;
  const url = template.replace(PLACEHOLDER_PATTERN, (_whole, name: Placeholder) => {
    const value = values[name];
    if (value === undefined || value === "" || value === "." || value === ".." || !value.isWellFormed()) {
      missing ??= name;
      return "";
    }
    return encodeURIComponent(value);
  });
  return missing === undefined ? { ok: true, url } : { ok: false, field: missing };
}
