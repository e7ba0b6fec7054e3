/**
 * The sample legacy store's data: a dozen users as an older system would hold them,
 * with metadata of the shapes real stores accumulate (nested preferences, arrays,
 * numbers, non-Latin text, nulls, empty objects) and one record carrying keys Auth0
 * cannot store. Every address is @example.com or @example.org (RFC 2606).
 */

export interface SampleUser {
  legacy_id: string;
  email: string;
  username: string;
  name: string;
  created_at: string;
  user_metadata?: Record<string, unknown> | null;
  app_metadata?: Record<string, unknown> | null;
}

export const SAMPLE_USERS: readonly SampleUser[] = [
  {
    legacy_id: "1001",
    email: "ada.lovelace@example.com",
    username: "ada",
    name: "Ada Lovelace",
    created_at: "2014-03-02T09:15:00Z",
    user_metadata: {
      locale: "en-GB",
      timezone: "Europe/London",
      newsletter: true,
      preferences: { theme: "dark", units: "metric", digest: "weekly" },
    },
    app_metadata: { plan: "pro", roles: ["editor", "billing-admin"], customer_id: "cus_7Qm2xL", seats: 12 },
  },
  {
    legacy_id: "1002",
    email: "grace.hopper@example.com",
    username: "grace",
    name: "Grace Hopper",
    created_at: "2015-07-21T14:02:11Z",
    user_metadata: {
      locale: "en-US",
      timezone: "America/New_York",
      newsletter: true,
      saved_searches: ["compilers", "cobol", "nanoseconds"],
    },
    app_metadata: { plan: "team", roles: ["member"], customer_id: "cus_3Hd9aQ" },
  },
  {
    legacy_id: "1003",
    email: "alan.turing@example.com",
    username: "alan",
    name: "Alan Turing",
    created_at: "2013-11-30T08:00:00Z",
    user_metadata: { locale: "en-GB", timezone: "Europe/London", newsletter: false },
    app_metadata: { plan: "free", roles: [] },
  },
  {
    legacy_id: "1004",
    email: "katherine.johnson@example.org",
    username: "katherine",
    name: "Katherine Johnson",
    created_at: "2016-02-18T16:45:30Z",
    user_metadata: { locale: "en-US", timezone: "America/Chicago", units: "imperial" },
    app_metadata: { plan: "pro", roles: ["analyst"], customer_id: "cus_0Kj4rT" },
  },
  {
    legacy_id: "1005",
    email: "edsger.dijkstra@example.org",
    username: "edsger",
    name: "Edsger Dijkstra",
    created_at: "2012-05-11T10:30:00Z",
    // Written by an old form handler that used dotted names and a `$type` tag; `user_id`
    // and `blocked` are names Auth0 reserves in app_metadata.
    user_metadata: {
      locale: "nl-NL",
      timezone: "Europe/Amsterdam",
      "billing.address": { street: "Plantage Muidergracht 24", city: "Amsterdam" },
      $type: "member",
      signature: { "font.family": "serif", text: "EWD" },
    },
    app_metadata: { plan: "team", roles: ["member"], user_id: "legacy-1005", blocked: false },
  },
  {
    legacy_id: "1006",
    email: "barbara.liskov@example.com",
    username: "barbara",
    name: "Barbara Liskov",
    created_at: "2017-09-05T12:00:00Z",
    user_metadata: { locale: "en-US", timezone: "America/New_York", avatar_color: "#2a9d8f" },
    app_metadata: null,
  },
  {
    legacy_id: "1007",
    email: "margaret.hamilton@example.com",
    username: "margaret",
    name: "Margaret Hamilton",
    created_at: "2018-01-23T07:20:00Z",
    app_metadata: {
      plan: "enterprise",
      roles: ["admin", "auditor"],
      entitlements: [
        { product: "reports", tier: 3, since: "2019-04-01" },
        { product: "exports", tier: 1, since: "2021-10-15" },
      ],
    },
  },
  {
    legacy_id: "1008",
    email: "donald.knuth@example.org",
    username: "don",
    name: "Donald Knuth",
    created_at: "2011-12-31T23:59:59Z",
    user_metadata: {
      locale: "de-DE",
      timezone: "Europe/Berlin",
      display_name: "Donald E. Knuth – 高德纳",
      reward_checks: 2.56,
      shipping: { country: "DE", postcode: "10117", care_of: null },
    },
    app_metadata: { plan: "free", roles: ["author"] },
  },
  {
    legacy_id: "1009",
    email: "frances.allen@example.com",
    username: "fran",
    name: "Frances Allen",
    created_at: "2019-06-14T11:11:11Z",
    user_metadata: {},
    app_metadata: {},
  },
  {
    legacy_id: "1010",
    email: "john.mccarthy@example.org",
    username: "jmc",
    name: "John McCarthy",
    created_at: "2010-08-08T08:08:08Z",
    user_metadata: {
      locale: "en-US",
      timezone: "America/Los_Angeles",
      recent_projects: Array.from({ length: 40 }, (_, i) => ({ id: `p-${1000 + i}`, title: `Project ${i + 1}` })),
    },
    app_metadata: { plan: "pro", roles: ["owner"], customer_id: "cus_Lx5pW1" },
  },
  {
    legacy_id: "1011",
    email: "radia.perlman@example.com",
    username: "radia",
    name: "Radia Perlman",
    created_at: "2020-02-29T09:00:00Z",
    user_metadata: null,
    app_metadata: { plan: "team", roles: ["network-admin"] },
  },
  {
    legacy_id: "1012",
    email: "ken.thompson@example.org",
    username: "ken",
    name: "Ken Thompson",
    created_at: "2009-04-01T04:01:00Z",
    user_metadata: { locale: "en-US", timezone: "America/Los_Angeles", shell: "rc", newsletter: false },
    app_metadata: { plan: "pro", roles: ["maintainer"], customer_id: "cus_Unx1969" },
  },
];

/** A seeded user by legacy id; a name the seed does not hold is a mistake in the caller's script. */
export function sampleUser(legacyId: string): SampleUser {
  const user = SAMPLE_USERS.find((candidate) => candidate.legacy_id === legacyId);
  if (!user) throw new Error(`no sample user ${legacyId}`);
  return user;
}

/** Someone who signs in through the migration connection but was never in the legacy store. */
export const SAMPLE_UNKNOWN_USER = {
  legacy_id: "2001",
  email: "new.hire@example.com",
  username: "newhire",
  name: "New Hire",
} as const;
