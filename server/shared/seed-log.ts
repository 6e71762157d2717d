import type { EntityManager } from '@mikro-orm/postgresql';

/** Records which subgraphs have been seeded, so start-up seeds an empty database once and never again. */
export async function isSeeded(em: EntityManager, subgraph: string): Promise<boolean> {
  await em.execute(
    'CREATE TABLE IF NOT EXISTS public.ntm_seed_log (subgraph text PRIMARY KEY, seeded_at timestamptz NOT NULL DEFAULT now())',
  );
  const rows = await em.execute('SELECT 1 FROM public.ntm_seed_log WHERE subgraph = ?', [subgraph]);
  return rows.length > 0;
}

export async function markSeeded(em: EntityManager, subgraph: string): Promise<void> {
  await em.execute('INSERT INTO public.ntm_seed_log (subgraph) VALUES (?) ON CONFLICT DO NOTHING', [subgraph]);
}
