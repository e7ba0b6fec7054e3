/**
 * Legacy records of a given size (the JSON the store sends), for the repair figures:
 * two thirds of the bytes in user_metadata and one third in app_metadata, made of the
 * nested preferences real stores hold, topped up to the byte with one padding string.
 */
import { legacyRecord } from "../../src/local/sample-store/routes";
import type { SampleUser } from "../../src/local/sample-store/sample-users";

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

function fill(target: Record<string, unknown>, prefix: string, shareBytes: number, measure: () => number): void {
  const start = measure();
  for (let i = 0; ; i++) {
    const entry = { label: `Preference ${i}`, enabled: i % 2 === 0, weight: i * 1.5, tags: ["web", `t${i % 7}`] };
    target[`${prefix}_${i}`] = entry;
    if (measure() - start > shareBytes) {
      delete target[`${prefix}_${i}`];
      break;
    }
  }
  const left = shareBytes - (measure() - start);
  const padKey = `${prefix}_note`;
  // `,"<key>":""` costs the key length plus 6 bytes before any padding character.
  const padding = left - padKey.length - 6;
  if (padding > 0) target[padKey] = "x".repeat(padding);
}

/** A legacy user whose record, as the sample store sends it, is `recordBytes` long (±a few bytes). */
export function sizedLegacyUser(base: SampleUser, recordBytes: number): SampleUser {
  const user_metadata: Record<string, unknown> = {};
  const app_metadata: Record<string, unknown> = {};
  const user: SampleUser = { ...base, user_metadata, app_metadata };
  const measure = () => bytes(legacyRecord(user));
  const room = recordBytes - measure();
  if (room <= 0) throw new Error(`a ${recordBytes}-byte record cannot hold this user`);
  fill(user_metadata, "pref", Math.floor((room * 2) / 3), measure);
  fill(app_metadata, "entitlement", recordBytes - measure(), measure);
  return user;
}

export function recordBytes(user: SampleUser): number {
  return bytes(legacyRecord(user));
}
