import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { AuditSubscriber } from './audit.js';
import type { Logger } from './logger.js';
import type { SubgraphModule } from './subgraph-module.js';

/** Each subgraph has its own ORM over its own schema and migrations; all share one database. */
export async function openSubgraphOrm(module: SubgraphModule, url: string, log: Logger): Promise<MikroORM> {
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
    pool: { min: 0, max: Number(process.env.NTM_POOL_SIZE ?? 8) },
    allowGlobalContext: false,
    debug: false,
  });
  await orm.em.getConnection().execute(`CREATE SCHEMA IF NOT EXISTS "${module.dbSchema}"`);
  const applied = await orm.migrator.up();
  if (applied.length) log.info({ subgraph: module.name, migrations: applied.map((m) => m.name) }, 'migrated');
  return orm;
}
