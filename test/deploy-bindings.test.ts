/** The post-login bindings the deploy writes: the tenant's own, in order, with ours once. */
import { ManagementClient } from "auth0";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Binding, mergeBindings } from "../src/deploy/bindings";
import { readPostLoginBindings } from "../src/deploy/current-bindings";
import { ACTION_NAME } from "../src/shared/action-identity";

const bound = (name: string): Binding => ({ action_name: name, display_name: `${name} (display)` });
const OURS: Binding = { action_name: ACTION_NAME, display_name: ACTION_NAME };
const names = (bindings: Binding[]) => bindings.map((binding) => binding.action_name);

describe("merging our binding into the tenant's", () => {
  const others = [bound("geo-block"), bound("enrich-claims")];

  it("adds ours last by default and keeps the others in order", () => {
    expect(mergeBindings(others)).toEqual([...others, OURS]);
  });

  it("adds ours first or last when asked", () => {
    expect(names(mergeBindings(others, "first"))).toEqual([ACTION_NAME, "geo-block", "enrich-claims"]);
    expect(names(mergeBindings(others, "last"))).toEqual(["geo-block", "enrich-claims", ACTION_NAME]);
  });

  it("binds ours to an empty trigger", () => {
    expect(mergeBindings([])).toEqual([OURS]);
  });

  it("keeps ours where the operator put it, with its display name, when no position is asked", () => {
    const placed = { action_name: ACTION_NAME, display_name: "Repair metadata" };
    const current = [others[0] as Binding, placed, others[1] as Binding];
    expect(mergeBindings(current)).toEqual(current);
    expect(mergeBindings(current, "last")).toEqual([...others, placed]);
  });

  it("is stable: merging again changes nothing, and ours is never bound twice", () => {
    for (const position of [undefined, "first", "last"] as const) {
      const once = mergeBindings(others, position);
      expect(mergeBindings(once, position)).toEqual(once);
      expect(names(once).filter((name) => name === ACTION_NAME)).toHaveLength(1);
    }
  });

  it("collapses duplicates of ours left by an earlier tool into one", () => {
    const current = [OURS, others[0] as Binding, OURS, others[1] as Binding];
    expect(names(mergeBindings(current))).toEqual([ACTION_NAME, "geo-block", "enrich-claims"]);
  });
});

describe("reading the tenant's post-login bindings", () => {
  const DOMAIN = "bindings.example.test";
  const pages: Array<Array<{ id: string; display_name?: string; action: { id: string; name?: string } }>> = [];
  const server = setupServer(
    http.get(`https://${DOMAIN}/api/v2/actions/triggers/post-login/bindings`, ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get("page"));
      return HttpResponse.json({ bindings: pages[page] ?? [], total: pages.flat().length, page, per_page: 50 });
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());
  const management = () => new ManagementClient({ domain: DOMAIN, token: "token" });
  const binding = (i: number) => ({
    id: `b${i}`,
    display_name: `Action ${i}`,
    action: { id: `a${i}`, name: `action-${i}` },
  });

  it("reads every page, in order, keeping display names", async () => {
    pages.splice(
      0,
      pages.length,
      Array.from({ length: 50 }, (_, i) => binding(i)),
      [binding(50), binding(51)],
    );
    const result = await readPostLoginBindings(management());
    expect(result).toHaveLength(52);
    expect(result[0]).toEqual({ action_name: "action-0", display_name: "Action 0" });
    expect(result[51]).toEqual({ action_name: "action-51", display_name: "Action 51" });
  });

  it("falls back to the action name for a binding without a display name", async () => {
    pages.splice(0, pages.length, [{ id: "b1", action: { id: "a1", name: "plain" } }]);
    expect(await readPostLoginBindings(management())).toEqual([{ action_name: "plain", display_name: "plain" }]);
  });

  it("refuses a binding it could not write back", async () => {
    pages.splice(0, pages.length, [{ id: "b1", display_name: "x", action: { id: "a1" } }]);
    await expect(readPostLoginBindings(management())).rejects.toThrow("post-login binding b1 names no action");
  });
});
