import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { AuditSubscriber, enforceAuditing } from './audit.js';
import type { DatabaseTimeouts } from './config.js';
import type { Logger } from './logger.js';
import type { SubgraphModule } from './subgraph-module.js';

/** `pg` connection options bounding every wait on the database (connect, statement, idle transaction). */
export const pgTimeouts = (timeouts: DatabaseTimeouts) => ({
  connectionTimeoutMillis: timeouts.connectMs,
  statement_timeout: timeouts.statementMs,
  // Client side: a frozen server never sends the statement_timeout error, so the client stops waiting a bit later.
  query_timeout: timeouts.statementMs ? timeouts.statementMs + 1_000 : undefined,
  idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
});

/**
 * Each subgraph has its own ORM over its own schema and migrations; all share one database. It opens without
 * statement time limits, for migrations and seeds (bulk statements run longer than a request's): call
 * `limitDatabaseWaits` before serving requests.
 */
export async function openSubgraphOrm(
  module: SubgraphModule,
  url: string,
  log: Logger,
  timeouts: DatabaseTimeouts,
  poolSize: number,
): Promise<MikroORM> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    schema: module.dbSchema,
    // Distinct names keep one subgraph's transaction context from capturing another's EntityManager.
    contextName: module.name,
    entities: module.entities,
    metadataProvider: ReflectMetadataProvider,
    subscribers: [new AuditSubscriber(module.name)],
    extensions: [Migrator],
    migrations: {
      migrationsList: module.migrations,
      tableName: `${module.dbSchema}.mikro_orm_migrations`,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: poolSize },
    driverOptions: pgTimeouts({ ...timeouts, statementMs: 0, idleInTransactionMs: 0 }),
    allowGlobalContext: false,
    debug: false,
  });
  await orm.em.getConnection().execute(`CREATE SCHEMA IF NOT EXISTS "${module.dbSchema}"`);
  const applied = await orm.migrator.up();
  if (applied.length) log.info({ subgraph: module.name, migrations: applied.map((m) => m.name) }, 'migrated');
  await enforceAuditing(orm.em.fork(), module.dbSchema, module.unaudited);
  return orm;
}

/** Reopens the ORM's connection pool with every time limit on: how requests use the database. */
export async function limitDatabaseWaits(orm: MikroORM, timeouts: DatabaseTimeouts): Promise<void> {
  await orm.reconnect({ driverOptions: pgTimeouts(timeouts) });
}
