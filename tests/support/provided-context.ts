/** What the global setup provides to every test file (`inject(...)`). */
declare module 'vitest' {
  export interface ProvidedContext {
    hubUrl: string;
    databaseUrl: string;
    internalSecret: string;
  }
}

export {};
