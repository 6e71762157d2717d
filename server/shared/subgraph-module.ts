import type { EntityManager } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import type { HubAuth } from './auth/hub-auth.js';
import type { ConfiguredAdmin } from './config.js';
import type { Logger } from './logger.js';
import type { SubgraphContext } from './context.js';
import type { PeerQuery } from './peers.js';
import type { UnitDirectory } from './unit-directory.js';
import type { ImportKind } from './import/import-kind.js';

/** A reference resolver: how a subgraph turns `{ __typename, id }` from the gateway into its entity. */
export type ReferenceResolver = (reference: Record<string, unknown>, ctx: SubgraphContext) => unknown;

/** What a subgraph folder exports from its index.ts: everything the hub needs to run it. */
export interface SubgraphModule {
  /** Name in the supergraph and in URLs (`/subgraphs/<name>/graphql`). */
  name: string;
  /** The PostgreSQL schema it owns. */
  dbSchema: string;
  entities: EntityClass[];
  migrations: MigrationObject[];
  /**
   * Tables of `dbSchema` whose writes need no audit row, each with the reason (derived copies, bookkeeping). Every
   * other table refuses a transaction that writes to it without one (`enforceAuditing` in shared/audit.ts).
   */
  unaudited?: Readonly<Record<string, string>>;
  resolvers: NonEmptyArray<ClassType>;
  orphanedTypes?: ClassType[];
  referenceResolvers?: Record<string, ReferenceResolver>;
  /**
   * Loads the seed data into an empty schema (runs once, in a transaction, once the subgraphs named in `seedsAfter`
   * have committed theirs; subgraphs that do not read each other seed at the same time).
   */
  seed?(em: EntityManager, tools: SeedTools): Promise<void>;
  /** Subgraphs (earlier in `bundledSubgraphs`) whose migrations this one's build on (e.g. a function they define). */
  migratesAfter?: readonly string[];
  /** Subgraphs (earlier in `bundledSubgraphs`) whose seeded records this one's seed or start reads. */
  seedsAfter?: readonly string[];
  /** HTTP routes the hub mounts beside the GraphQL endpoints (e.g. `/exports/…` downloads, the JWKS), given the peer client and the process's token service. */
  http?: { path: string; router: (peers: PeerQuery, auth: HubAuth) => Router };
  /** Kinds of records imported from spreadsheets, served at `/imports/<kind>` by the process running this subgraph. */
  imports?: ImportKind[];
  /** Runs on every start, after seeding (e.g. the administrator named in the environment). */
  start?(em: EntityManager, tools: SeedTools): Promise<void>;
}

/** What a seed loader may use besides its own EntityManager. */
export interface SeedTools {
  /** The system actor's context (SYSTEM_IDENTITY, SYSTEM_GUARD): services used by seeds are built on `inTransaction(system, em)`. */
  system: SubgraphContext;
  log: Logger;
  units: UnitDirectory;
  peers: PeerQuery;
  /** Whether the demo profile (synthetic data, demo accounts) is on. */
  demo: boolean;
  /** The system administrator named by the configuration, if any. */
  admin: ConfiguredAdmin | undefined;
  /**
   * Resolves once the named subgraph (earlier in `bundledSubgraphs`) has seeded and started in this process, at once
   * when it runs elsewhere: for a seed that can do part of its work before that subgraph's records are in.
   */
  seeded(name: string): Promise<void>;
}
