/**
 * Hosts on 127.0.0.1 that fail the ways real networks do, for the failure messages of the
 * tools and the deploy: one that accepts connections and never answers, and a TLS server
 * whose self-signed certificate (made with openssl at test time, its files removed at once)
 * no client trusts. Nothing is left behind.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface EdgeHost {
  /** host:port */
  host: string;
  close(): Promise<void>;
}

/** What closes `server` at once: its open sockets are destroyed, not waited for. */
export function tracked(server: Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** `server` listening on a free port of 127.0.0.1. */
export async function listening(server: Server, close: () => Promise<void>): Promise<EdgeHost> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, close };
}

/** Accepts every connection and never sends a byte: neither a TLS handshake nor an answer. */
export function startSilentHost(): Promise<EdgeHost> {
  const server = createServer(() => undefined);
  return listening(server, tracked(server));
}

/**
 * A fresh self-signed certificate for 127.0.0.1 (and, with `subjectAltName` such as
 * "DNS:localhost,IP:127.0.0.1", for those names: what a client that trusts it checks).
 */
export function selfSignedCertificate(subjectAltName?: string): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), "rmm-tls-"));
  try {
    const key = join(dir, "key.pem");
    const cert = join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key,
        "-out",
        cert,
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        ...(subjectAltName === undefined ? [] : ["-addext", `subjectAltName=${subjectAltName}`]),
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Answers 200 over TLS, with a certificate nobody trusts. */
export function startUntrustedTlsHost(): Promise<EdgeHost> {
  const server = createHttpsServer(selfSignedCertificate(), (_req, res) => res.writeHead(200).end("{}"));
  return listening(server, tracked(server));
}
