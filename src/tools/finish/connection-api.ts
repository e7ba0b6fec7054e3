/**
 * The connection endpoints `finish` uses, through the SDK: find by name, read whole,
 * write. Reads are paced and retried by the rate governor; the write goes through a
 * governor that sends it once: after a timeout or a 5xx nobody knows whether it was
 * applied, and a second attempt could undo a change made meanwhile. A 429 (refused, so not
 * applied) is waited out by guarded-write.ts, which reads the connection again before the
 * next try, rather than by the governor, which would send the same body after the wait.
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
  /** The tenant's answer: the connection as written. */
  write(id: string, name: string, body: JsonObject): Promise<ConnectionCopy | undefined>;
}

export interface ConnectionGovernors {
  reads: RateGovernor;
  /** One attempt per call, 429s included. */
  write: RateGovernor;
}

export function connectionApi(client: ManagementClient, governors: ConnectionGovernors): ConnectionApi {
  return {
    findId: (name) => connectionId(client, governors.reads, name),
    async read(id, step) {
      const data: unknown = await governors.reads.call(step, (signal) =>
        withManagementStatus(client.connections.get(id, {}, { abortSignal: signal }).withRawResponse()),
      );
      const copy = asConnectionCopy(data);
      if (!copy) throw new StepFailure(step, governors.reads.host, { kind: "answer", detail: "not a connection" });
      return copy;
    },
    async write(id, name, body) {
      const request = body as Management.UpdateConnectionRequestContent;
      const data: unknown = await governors.write.call(`writing the connection "${name}"`, (signal) =>
        withManagementStatus(client.connections.update(id, request, { abortSignal: signal }).withRawResponse()),
      );
      return asConnectionCopy(data);
    },
  };
}
