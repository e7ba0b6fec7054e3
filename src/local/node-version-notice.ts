/**
 * The local runtime runs the Action on this machine's Node, while Auth0 runs it on the
 * Action's runtime (node22): say so, in one line, whenever the two majors differ.
 */
import { ACTION_RUNTIME } from "../shared/action-identity";

/** Undefined when this Node has the same major version as the Action's runtime. */
export function nodeVersionNotice(hostVersion: string = process.versions.node): string | undefined {
  const hostMajor = hostVersion.replace(/^v/, "").split(".")[0];
  const runtimeMajor = ACTION_RUNTIME.replace(/^node/, "");
  if (hostMajor === runtimeMajor) return undefined;
  return `Note: this machine runs Node ${hostVersion.replace(/^v/, "")}; Auth0 runs the Action on ${ACTION_RUNTIME}, so what differs between the two Node versions is not emulated.`;
}
