import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { PostLoginApi, PostLoginEvent } from "../src/action/types";
import { BUNDLE, BUNDLE_BUDGET_BYTES, bundleText } from "../src/shared/build-config";
import { loginEvent } from "./support/fake-api";
import { legacyMock, recordRoute } from "./support/legacy-mock";
import { logFields, runLogin } from "./support/run-handler";

const legacy = legacyMock();
const committed = readFileSync(BUNDLE, "utf8");

describe("the committed bundle", () => {
  it("is what building the sources gives today (run `npm run build` if this fails)", async () => {
    expect(await bundleText()).toBe(committed);
  });

  it("stays within the size budget", () => {
    expect(Buffer.byteLength(committed)).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
  });

  it("holds no sequence the Deploy CLI's keyword replacement would rewrite", () => {
    expect(committed).not.toMatch(/@@|##/);
  });

  it("requires no module: everything it needs is bundled or global", () => {
    expect(committed).not.toMatch(/\brequire\(/);
  });

  it("exports a native async onExecutePostLogin and repairs a user end to end", async () => {
    const load = createRequire(import.meta.url);
    const module = load(BUNDLE) as { onExecutePostLogin?: (e: PostLoginEvent, a: PostLoginApi) => Promise<void> };
    const handler = module.onExecutePostLogin;
    expect(handler?.constructor.name).toBe("AsyncFunction");
    if (!handler) return;
    legacy.use(recordRoute(() => HttpResponse.json({ user_metadata: { plan: "gold" }, app_metadata: { tier: 1 } })));
    const run = await runLogin(handler, loginEvent());
    expect(run.userWrites).toEqual([["plan", "gold"]]);
    expect(run.appWrites.map(([key]) => key)).toEqual(["tier", "legacy_metadata_repair"]);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "repaired", user_keys: "1", app_keys: "1" });
  });
});
