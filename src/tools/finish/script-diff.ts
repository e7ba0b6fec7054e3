/**
 * The change to the scripts, as a diff a person reads before anything is written. Each
 * changed script is replaced whole, so its old lines all go and its new lines all come;
 * a line-by-line match would suggest a patch where there is none.
 */
import type { MigrationScript } from "./connection-copy";
import type { ScriptPlan } from "./script-plan";

const lines = (text: string | undefined) => (text === undefined ? [] : text.replace(/\n$/, "").split("\n"));

function scriptDiff(name: MigrationScript, before: string | undefined, after: string | undefined): string[] {
  const from = before === undefined ? "(none)" : `${lines(before).length} line(s)`;
  const to = after === undefined ? "(removed)" : `${lines(after).length} line(s)`;
  return [
    `--- customScripts.${name} now: ${from}`,
    `+++ customScripts.${name} after: ${to}`,
    ...lines(before).map((line) => `-${line}`),
    ...lines(after).map((line) => `+${line}`),
  ];
}

export function planDiff(plan: ScriptPlan): string[] {
  const kept = Object.keys(plan.body.options ?? {}).length;
  const configuration =
    plan.configurationKeys.length > 0
      ? `; configuration: ${plan.configurationKeys.length} key(s) sent again from --configuration-file (values not shown)`
      : "";
  return [
    ...plan.changed.flatMap((name) => scriptDiff(name, plan.before[name], plan.after[name])),
    `Every other option is sent back as read (${kept} option key(s) in all)${configuration}.`,
  ];
}
