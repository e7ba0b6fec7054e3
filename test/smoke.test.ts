import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { onExecutePostLogin } from "../src/action/index";
import { LEGACY_BASE, loginEvent, recordingApi } from "./support/fake-api";

const server = setupServer(
  http.get(`${LEGACY_BASE}/users/:id`, () =>
    HttpResponse.json({ user_metadata: { plan: "gold" }, app_metadata: { roles: ["a"] } }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

it("repairs", async () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  const r = recordingApi();
  await onExecutePostLogin(loginEvent(), r.api);
  console.error(log.mock.calls, r.userWrites, r.appWrites);
  expect(r.userWrites).toEqual([["plan", "gold"]]);
});
