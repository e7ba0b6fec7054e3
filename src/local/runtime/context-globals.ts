/**
 * The globals an Action sees on Auth0's Node runtime, handed to a fresh `vm` context.
 * The context brings its own language built-ins (Object, JSON, Promise...); the host
 * lends the web and Node APIs. Nothing of the host process leaks in: `process.env` is
 * empty, as an Action reads its configuration from `event.secrets`.
 */
import { webcrypto } from "node:crypto";
import type { ContextConsole } from "./console-capture";

export type FetchLike = typeof fetch;

/**
 * `fetch` resolved at call time (so msw and test doubles installed later still apply),
 * whose `response.json()` builds its objects in the Action's own realm: the Action's
 * `Object.getPrototypeOf(x) === Object.prototype` checks must hold for them, as on Auth0.
 */
function realmFetch(resolveFetch: () => FetchLike, realmJson: JSON): FetchLike {
  return async (input, init) => {
    const response = await resolveFetch()(input, init);
    Object.defineProperty(response, "json", {
      value: async () => realmJson.parse(await response.text()),
      configurable: true,
    });
    return response;
  };
}

function sandboxProcess() {
  return {
    env: {},
    version: process.version,
    versions: { ...process.versions },
    platform: process.platform,
    nextTick: process.nextTick.bind(process),
    hrtime: process.hrtime.bind(process),
  };
}

export function contextGlobals(console: ContextConsole, resolveFetch: () => FetchLike, realmJson: JSON) {
  return {
    console,
    fetch: realmFetch(resolveFetch, realmJson),
    Headers,
    Request,
    Response,
    FormData,
    Blob,
    File,
    MessageChannel,
    MessagePort,
    BroadcastChannel,
    AbortController,
    AbortSignal,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    ReadableStream,
    WritableStream,
    TransformStream,
    Event,
    EventTarget,
    DOMException,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    setImmediate,
    clearImmediate,
    queueMicrotask,
    structuredClone,
    btoa,
    atob,
    Buffer,
    crypto: webcrypto,
    performance,
    process: sandboxProcess(),
  };
}
