/**
 * The domain rules every subgraph and the console share, each with one meaning: dependency-free TypeScript, imported
 * by the server as `server/shared/domain/*.js` and by the console through the `@domain` alias (admin/vite.config.ts).
 */
export * from './calendar.js';
export * from './comparators.js';
export * from './recognition-tiers.js';
export * from './subtree.js';
export * from './unit-class.js';
