import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** Composes subgraph SDLs into the supergraph; throws one readable error listing every composition problem. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors || !result.supergraphSdl) {
    const errors = result.errors ?? [];
    const lines = errors.map((e) => `  - ${e.message}`).join('\n');
    throw new Error(`Supergraph composition failed (${errors.length} error(s)):\n${lines}`);
  }
  return result.supergraphSdl;
}
