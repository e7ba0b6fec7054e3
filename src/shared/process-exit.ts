/**
 * How a command's process ends. After a failure, a call the command gave up on may still
 * hold a socket (a TLS handshake to a silent host lingers until undici's own connect
 * timeout), which would keep the process alive long after the message: so a failed
 * command exits shortly after its message is out. A command that succeeded ends on its own.
 */
const GRACE_MS = 200;

export function endWith(code: number): void {
  process.exitCode = code;
  if (code !== 0) setTimeout(() => process.exit(code), GRACE_MS).unref();
}
