/**
 * The connection endpoints `finish` uses, through the SDK: find by name, read whole,
 * write, all paced by the command's rate governor. Reads are retried; the write is sent
 * once: after a timeout or a 5xx nobody knows whether it was applied, and a second attempt
 * could undo a change made meanwhile. A 429 (refused, so not applied) is waited out by the
 * governor, which runs the caller's `beforeResend` (guarded-write.ts reads the connection
 * again) before the next try.
 */
import type { Management, ManagementClient } from "auth0";
import type { JsonObject } from "../../action/types";
import { withManagementStatus } from "../../shared/management-status";
import { StepFailure } from "../../shared/step-failure";
import { connectionId } from "../export/export-job";
import type { RateGovernor } from "../management/rate-governor";
import { asConnectionCopy, type ConnectionCopy } from "./connection-copy";

export interface ConnectionApi {
  findId(name: string): Promise<string>;
  read(id: string, step: string): Promise<ConnectionCopy>;
  /** The tenant's answer: the connection as written. `beforeResend` runs before a try after a 429. */
  write(
    id: string,
    name: string,
    body: JsonObject,
    beforeResend: () => Promise<void>,
  ): Promise<ConnectionCopy | undefined>;
}

export function connectionApi(client: ManagementClient, governor: RateGovernor): ConnectionApi {
  return {
    findId: (name) => connectionId(client, governor, name),
    async read(id, step) {
      const data: unknown = await governor.call(step, (signal) =>
        withManagementStatus(client.connections.get(id, {}, { abortSignal: signal }).withRawResponse()),
      );
      const copy = asConnectionCopy(data);
      if (!copy) throw new StepFailure(step, governor.host, { kind: "answer", detail: "not a connection" });
      return copy;
    },
    async write(id, name, body, beforeResend) {
      const request = body as Management.UpdateConnectionRequestContent;
      const data: unknown = await governor.call(
        `writing the connection "${name}"`,
        (signal) =>
          withManagementStatus(client.connections.update(id, request, { abortSignal: signal }).withRawResponse()),
        { once: true, beforeResend },
      );
      return asConnectionCopy(data);
    },
  };
}
