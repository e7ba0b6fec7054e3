/**
 * Group 7: a population of migrated users, each logging in twice. Most came across
 * complete; some lost their user_metadata (Auth0 kept part of their app_metadata); some
 * were never in the legacy store. The second round sees what the first one persisted.
 */
import type { FlowResult } from "../../src/local/runtime/flow-result";
import type { LoginInput } from "../../src/local/runtime/post-login-event";
import type { PostLoginRuntime } from "../../src/local/runtime/post-login-runtime";
import type { SampleUser } from "../../src/local/sample-store/sample-users";
import { startSampleStore } from "../../src/local/sample-store/server";
import { legacyUser, migratedLogin, typicalMetadata } from "../harness/logins";
import { runtimeFor } from "../harness/runtimes";
import { secretsFor } from "../harness/secrets";
import { elapsedMs, rotate } from "../harness/timing";
import type { CaseContext } from "./case-context";

/** Out of every 50 users: 1 unknown to the store (2%), 4 missing metadata (8%), 45 complete (90%). */
type Kind = "complete" | "missing" | "unknown";

function kindOf(index: number): Kind {
  const slot = index % 50;
  if (slot === 0) return "unknown";
  return slot <= 4 ? "missing" : "complete";
}

interface Population {
  logins: LoginInput[];
  legacy: SampleUser[];
  counts: Record<Kind, number>;
}

function generatePopulation(size: number): Population {
  const logins: LoginInput[] = [];
  const legacy: SampleUser[] = [];
  const counts: Record<Kind, number> = { complete: 0, missing: 0, unknown: 0 };
  for (let i = 0; i < size; i++) {
    const legacyId = `${100_000 + i}`;
    const kind = kindOf(i);
    const metadata = typicalMetadata(i);
    counts[kind]++;
    if (kind !== "unknown") legacy.push(legacyUser(legacyId, metadata));
    if (kind === "complete") logins.push(migratedLogin(legacyId, metadata));
    if (kind === "missing")
      logins.push(migratedLogin(legacyId, { app_metadata: { plan: metadata.app_metadata.plan } }));
    if (kind === "unknown") logins.push(migratedLogin(legacyId, {}));
  }
  return { logins, legacy, counts };
}

/** Writes to a key that already held a value in Auth0 before this login. */
function overwrites(login: LoginInput, result: FlowResult): number {
  return result.writes.filter((write) => {
    const current = login.user[write.target];
    if (typeof current !== "object" || current === null) return false;
    const value = (current as Record<string, unknown>)[write.key];
    return Object.hasOwn(current, write.key) && value !== undefined && value !== null;
  }).length;
}

interface Round {
  calls: number;
  writes: number;
  overwrites: number;
  ms: number;
  failed: number;
  next: LoginInput[];
}

async function playRound(
  runtime: PostLoginRuntime,
  logins: readonly LoginInput[],
  requests: () => number,
): Promise<Round> {
  const before = requests();
  const round: Round = { calls: 0, writes: 0, overwrites: 0, ms: 0, failed: 0, next: [] };
  round.ms = await elapsedMs(async () => {
    for (const login of logins) {
      const result = await runtime.execute(login);
      round.writes += result.writes.length;
      round.overwrites += overwrites(login, result);
      if (result.status === "failed") round.failed++;
      round.next.push({ ...login, user: result.user });
    }
  });
  round.calls = requests() - before;
  return round;
}

export async function measurePopulation({ plan, variants, figures, notes }: CaseContext): Promise<void> {
  const population = generatePopulation(plan.populationUsers);
  const { complete, missing, unknown } = population.counts;
  notes.push(
    `Population: ${plan.populationUsers} users (${complete} complete, ${missing} missing metadata, ${unknown} unknown to the store), ${plan.populationRuns} run(s) per variant.`,
  );
  const store = await startSampleStore({ users: population.legacy });
  try {
    const samples = new Map<string, number[]>();
    const add = (key: string, value: number) => samples.set(key, [...(samples.get(key) ?? []), value]);
    for (let run = 0; run < plan.populationRuns; run++) {
      for (const variant of rotate(variants, run)) {
        const runtime = runtimeFor(variant, secretsFor(store));
        let logins: readonly LoginInput[] = population.logins;
        for (const roundNumber of [1, 2]) {
          const round = await playRound(runtime, logins, () => store.requests.length);
          add(`population.round${roundNumber}.legacy_calls|${variant.id}`, round.calls);
          add(`population.round${roundNumber}.writes|${variant.id}`, round.writes);
          add(`population.round${roundNumber}.overwrites|${variant.id}`, round.overwrites);
          add(`population.round${roundNumber}.total_ms|${variant.id}`, round.ms);
          add(`failed|${variant.id}`, round.failed);
          logins = round.next;
        }
      }
    }
    for (const variant of variants) {
      for (const roundNumber of [1, 2]) {
        for (const metric of ["legacy_calls", "writes", "overwrites", "total_ms"]) {
          const name = `population.round${roundNumber}.${metric}`;
          figures.add(name, variant.id, samples.get(`${name}|${variant.id}`) ?? []);
        }
      }
      const failed = (samples.get(`failed|${variant.id}`) ?? []).reduce((sum, count) => sum + count, 0);
      if (failed > 0) notes.push(`Population, ${variant.label}: ${failed} logins failed.`);
    }
  } finally {
    await store.close();
  }
}
