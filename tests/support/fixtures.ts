import { gql } from './client.js';

/**
 * Fixture look-ups by natural key: seeded rows are found by what identifies them to a person (a campaign's key, a
 * unit's code), never by a numeric id, which depends on the order rows were written in.
 */

/** The id of the seeded campaign with this key (e.g. `khanh-hoa-2021-2025`). */
export async function campaignId(key: string): Promise<string> {
  const result = await gql<{ campaigns: { nodes: { id: string; key: string }[] } }>(`{ campaigns(limit: 500) { nodes { id key } } }`);
  const found = result.data?.campaigns.nodes.find((c) => c.key === key);
  if (!found) throw new Error(`No campaign with key ${key}: ${JSON.stringify(result.errors ?? [])}`);
  return found.id;
}
