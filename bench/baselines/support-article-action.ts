/**
 * BASELINE (a), for comparison only, never shipped: the approach of Auth0's support
 * article for metadata lost during automatic migration, written as a team would copy it.
 * It reads the same secrets as the shipped Action so both run against the same store.
 * Deliberately absent: a timeout, retries with a budget, outage memory, a marker for
 * users the store does not know, and any care for what Auth0 already holds.
 */

interface ArticleEvent {
  user: {
    user_id: string;
    email?: string;
    username?: string;
    user_metadata?: Record<string, unknown>;
    app_metadata?: Record<string, unknown>;
  };
  connection?: { name?: string };
  secrets: Record<string, string | undefined>;
}

interface ArticleApi {
  user: {
    setUserMetadata(key: string, value: unknown): unknown;
    setAppMetadata(key: string, value: unknown): unknown;
  };
}

interface LegacyRecord {
  user_metadata?: Record<string, unknown>;
  app_metadata?: Record<string, unknown>;
}

const isEmpty = (metadata: Record<string, unknown> | undefined) => !metadata || Object.keys(metadata).length === 0;

export const onExecutePostLogin = async (event: ArticleEvent, api: ArticleApi): Promise<void> => {
  const connections = (event.secrets.MIGRATION_CONNECTIONS ?? "").split(",").map((name) => name.trim());
  if (!connections.includes(event.connection?.name ?? "")) return;
  if (!isEmpty(event.user.user_metadata) && !isEmpty(event.user.app_metadata)) return;

  const url = (event.secrets.LEGACY_API_URL ?? "")
    .replace("{legacy_id}", encodeURIComponent(event.user.user_id.replace(/^auth0\|/, "")))
    .replace("{email}", encodeURIComponent(event.user.email ?? ""))
    .replace("{username}", encodeURIComponent(event.user.username ?? ""));
  try {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${event.secrets.LEGACY_API_TOKEN}` } });
    if (!response.ok) {
      console.log(`legacy lookup failed: ${response.status}`);
      return;
    }
    const record = (await response.json()) as LegacyRecord;
    for (const [key, value] of Object.entries(record.user_metadata ?? {})) api.user.setUserMetadata(key, value);
    for (const [key, value] of Object.entries(record.app_metadata ?? {})) api.user.setAppMetadata(key, value);
  } catch (error) {
    console.log(`legacy lookup error: ${error instanceof Error ? error.name : "unknown"}`);
  }
};
