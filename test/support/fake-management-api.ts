/**
 * A stateful stand-in for the parts of the Auth0 Management API that the deploy uses
 * (token, actions, action modules, triggers and their bindings, and the "Test an Action"
 * endpoint `--smoke` calls, which answers as a deployed Action that found no record
 * would), served by msw. It keeps
 * every request it sees, so a test can prove what was written and that nothing else in
 * the tenant was asked for. Anything it does not serve is an msw error.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";

export const TENANT_DOMAIN = "tenant.example.test";
const BASE = `https://${TENANT_DOMAIN}`;
export const ISSUED_TOKEN = "issued-management-token";

export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface TenantAction {
  id: string;
  name: string;
  code?: string;
  runtime?: string;
  secrets?: Array<{ name: string; value?: string }>;
  supported_triggers?: Array<{ id: string; version: string }>;
  dependencies?: unknown[];
}

interface StoredBinding {
  id: string;
  display_name: string;
  action: { id: string; name: string };
}

interface BindingPatch {
  bindings: Array<{ ref: { type: string; value: string }; display_name: string }>;
}

const TRIGGERS = [
  { id: "post-login", version: "v3", status: "CURRENT" },
  { id: "credentials-exchange", version: "v2", status: "CURRENT" },
];

export function fakeManagementApi() {
  const seen: SeenRequest[] = [];
  const actions: TenantAction[] = [];
  const bindings = new Map<string, StoredBinding[]>();
  /** How many deploy calls answer "not built yet" before one succeeds. */
  let notBuiltAnswers = 0;
  let sequence = 0;

  const bind = (trigger: string, action: TenantAction, display_name: string) => {
    const list = bindings.get(trigger) ?? [];
    list.push({ id: `bind_${++sequence}`, display_name, action: { id: action.id, name: action.name } });
    bindings.set(trigger, list);
  };

  const server = setupServer(
    http.post(`${BASE}/oauth/token`, () =>
      HttpResponse.json({ access_token: ISSUED_TOKEN, token_type: "Bearer", expires_in: 86400 }),
    ),
    http.get(`${BASE}/api/v2/actions/actions`, () =>
      HttpResponse.json({ actions, total: actions.length, page: 0, per_page: 100 }),
    ),
    http.get(`${BASE}/api/v2/actions/modules`, () =>
      HttpResponse.json({ modules: [], total: 0, page: 0, per_page: 100 }),
    ),
    http.post(`${BASE}/api/v2/actions/actions`, async ({ request }) => {
      const created = { ...((await request.clone().json()) as Omit<TenantAction, "id">), id: `act_${++sequence}` };
      actions.push(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.patch(`${BASE}/api/v2/actions/actions/:id`, async ({ params, request }) => {
      const action = actions.find((candidate) => candidate.id === params.id);
      if (!action) return HttpResponse.json({ message: "not found" }, { status: 404 });
      Object.assign(action, await request.clone().json());
      return HttpResponse.json(action);
    }),
    http.post(`${BASE}/api/v2/actions/actions/:id/deploy`, ({ params }) => {
      if (notBuiltAnswers > 0) {
        notBuiltAnswers -= 1;
        const message = "Action must be in the 'built' state before it can be deployed.";
        return HttpResponse.json({ statusCode: 400, error: "Bad Request", message }, { status: 400 });
      }
      return HttpResponse.json({ id: `ver_${++sequence}`, action_id: params.id, deployed: true });
    }),
    http.post(`${BASE}/api/v2/actions/actions/:id/test`, async ({ request }) => {
      const body = (await request.clone().json()) as { payload?: unknown };
      if (typeof body.payload !== "object" || body.payload === null) {
        return HttpResponse.json({ statusCode: 400, message: "Invalid Request Body." }, { status: 400 });
      }
      const logs = "repair-migrated-metadata outcome=not_found attempts=1 ms=7\n";
      return HttpResponse.json({ payload: { logs, stats: { total_request_duration_ms: 41, action_duration_ms: 12 } } });
    }),
    http.get(`${BASE}/api/v2/actions/triggers`, () => HttpResponse.json({ triggers: TRIGGERS })),
    http.get(`${BASE}/api/v2/actions/triggers/:trigger/bindings`, ({ params, request }) => {
      const page = Number(new URL(request.url).searchParams.get("page") ?? "0");
      const list = page === 0 ? (bindings.get(String(params.trigger)) ?? []) : [];
      return HttpResponse.json({ bindings: list, total: list.length, page, per_page: 50 });
    }),
    http.get(`${BASE}/api/v2/clients`, () => HttpResponse.json({ clients: [], total: 0, start: 0, limit: 100 })),
    http.patch(`${BASE}/api/v2/actions/triggers/:trigger/bindings`, async ({ params, request }) => {
      const patch = (await request.clone().json()) as BindingPatch;
      const trigger = String(params.trigger);
      bindings.set(trigger, []);
      for (const { ref, display_name } of patch.bindings) {
        const action = actions.find((candidate) => candidate.name === ref.value);
        if (!action) return HttpResponse.json({ message: `no action ${ref.value}` }, { status: 400 });
        bind(trigger, action, display_name);
      }
      return HttpResponse.json({ bindings: bindings.get(trigger) });
    }),
  );
  server.events.on("request:start", async ({ request }) => {
    const text = request.method === "GET" ? "" : await request.clone().text();
    const isJson = request.headers.get("content-type")?.includes("json") ?? false;
    const body: unknown = text === "" ? undefined : isJson ? JSON.parse(text) : text;
    seen.push({ method: request.method, path: new URL(request.url).pathname, body });
  });

  return {
    server,
    seen,
    actions,
    /** Action names bound to a trigger, in execution order. */
    boundTo: (trigger: string) => (bindings.get(trigger) ?? []).map((binding) => binding.action.name),
    addAction(action: TenantAction, boundTo?: { trigger: string; display_name: string }) {
      actions.push(action);
      if (boundTo) bind(boundTo.trigger, action, boundTo.display_name);
    },
    answerNotBuilt(times: number) {
      notBuiltAnswers = times;
    },
  };
}
