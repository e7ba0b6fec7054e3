/**
 * A legacy store on 127.0.0.1 that misbehaves at the socket level, the ways msw cannot:
 * resets mid-body, stalls after the headers, drips bytes, compresses, redirects.
 * Each test sets `behave` to decide what the next requests get.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { listening, tracked } from "./network-edges";

export type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

export interface FaultServer {
  url: string;
  port: number;
  behave: Behaviour;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  // Requests come only once the caller knows the port, so `state` exists by then.
  const server: Server = createServer((req, res) => {
    state.requests.push(req);
    state.behave(req, res);
  });
  const { host, close } = await listening(server, tracked(server));
  const state: FaultServer = {
    url: `http://${host}`,
    port: (server.address() as AddressInfo).port,
    requests: [],
    behave: (_req, res) => res.writeHead(500).end(),
    close,
  };
  return state;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** An address on this machine where nothing listens (connection refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
