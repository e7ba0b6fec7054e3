/**
 * BASELINE (b) support, never shipped. undici reads `File` and `MessagePort` when it
 * loads; Auth0's node22 runtime has them as globals, the local runtime emulator's
 * context does not (yet), so they are lent from Node's own modules when absent.
 */
import { File } from "node:buffer";
import { BroadcastChannel, MessageChannel, MessagePort } from "node:worker_threads";

const globals = globalThis as Record<string, unknown>;
globals.File ??= File;
globals.MessagePort ??= MessagePort;
globals.MessageChannel ??= MessageChannel;
globals.BroadcastChannel ??= BroadcastChannel;
