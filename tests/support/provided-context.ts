import 'reflect-metadata';
/** What the global setup provides to every test file (`inject(...)`); files read it through tests/support/hub.ts. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** One hub and its own database per vitest worker slot, index VITEST_POOL_ID − 1. */
    workers: { hubUrl: string; databaseUrl: string }[];
    /** The PostgreSQL server (its maintenance database), where files create databases of their own. */
    serverUrl: string;
    internalSecret: string;
  }
}

export {};
