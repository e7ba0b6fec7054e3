import { describe, expect, it } from "vitest";
import { fillUrlTemplate } from "../src/action/url-template";

const TEMPLATE = "https://legacy.example.test/users/{username}/profile?email={email}&v=1";

function filled(values: Record<string, string>): URL {
  const result = fillUrlTemplate(TEMPLATE, values);
  if (!result.ok) throw new Error(`unusable ${result.field}`);
  return new URL(result.url);
}

describe("url template", () => {
  it("keeps hostile values inside their path segment and query parameter", () => {
    const url = filled({ username: "../admin?x=1#", email: "a&b=c@example.com#frag" });
    expect(url.pathname).toBe("/users/..%2Fadmin%3Fx%3D1%23/profile");
    expect(url.searchParams.get("email")).toBe("a&b=c@example.com#frag");
    expect(url.searchParams.get("v")).toBe("1");
    expect([...url.searchParams.keys()]).toEqual(["email", "v"]);
    expect(url.hash).toBe("");
  });

  it("encodes spaces, percent signs, plus and unicode", () => {
    const url = filled({ username: "zoë 100%+ü/x", email: "jo+tag@exämple.com" });
    expect(url.pathname.split("/")).toHaveLength(4);
    expect(decodeURIComponent(url.pathname.split("/")[2] ?? "")).toBe("zoë 100%+ü/x");
    expect(url.searchParams.get("email")).toBe("jo+tag@exämple.com");
  });

  it.each(["", ".", ".."])("refuses %j, which would change the path", (username) => {
    expect(fillUrlTemplate(TEMPLATE, { username, email: "a@b.c" })).toEqual({ ok: false, field: "username" });
  });

  it("refuses a value the user does not have", () => {
    expect(fillUrlTemplate(TEMPLATE, { email: "a@b.c" })).toEqual({ ok: false, field: "username" });
  });

  it("refuses a lone surrogate, which cannot be percent-encoded", () => {
    expect(fillUrlTemplate(TEMPLATE, { username: "a\ud800", email: "a@b.c" })).toEqual({
      ok: false,
      field: "username",
    });
  });

  it("fills a long value whole", () => {
    const email = `${"x".repeat(2048)}@example.com`;
    expect(filled({ username: "u", email }).searchParams.get("email")).toBe(email);
  });
});
