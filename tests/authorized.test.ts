import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, UNGOVERNED_OPERATIONS, type Capability } from '../server/shared/capabilities.js';
import { bundledSubgraphs } from '../server/subgraphs.js';

/**
 * The role check is declared on each resolver method (`@Authorized(Capability.X)`, shared/guard.ts) and the
 * capability table (shared/capabilities.ts) lists the operations of each capability: the two must say the same, so a
 * mutation added without its declaration, or declared with a capability the table does not give it, fails here.
 */
describe('the role check declared on every resolver method', () => {
  const storage = getMetadataStorage();
  const resolvers = new Set<object>(bundledSubgraphs.flatMap((module) => module.resolvers));
  const declared = (target: object, methodName: string) =>
    storage.authorizedFields.find((a) => a.fieldName === methodName && a.target === target);
  /** The capabilities whose operations (or steps of one, "name:STEP") the table gives an operation. */
  const capabilitiesOf = (operation: string) =>
    (Object.entries(CAPABILITIES) as [Capability, (typeof CAPABILITIES)[Capability]][])
      .filter(([, rule]) => rule.operations.some((op) => op === operation || op.startsWith(`${operation}:`)))
      .map(([capability]) => capability)
      .sort();

  it('declares on every mutation exactly the capabilities the table gives it; ungoverned ones ask only for a signed-in caller, or nothing to sign in', () => {
    const mutations = storage.mutations.filter((m) => resolvers.has(m.target));
    expect(mutations.length).toBeGreaterThan(30);
    const mismatches = mutations.flatMap((m) => {
      const expected = capabilitiesOf(m.schemaName);
      const found = declared(m.target, m.methodName);
      if (!expected.length && m.schemaName in UNGOVERNED_OPERATIONS) {
        // Signing in is for the anonymous; everything else needs a signed-in caller.
        const ok = m.schemaName === 'login' ? found === undefined : found !== undefined && found.roles.length === 0;
        return ok ? [] : [`${m.schemaName}: ungoverned, declared ${JSON.stringify(found?.roles ?? null)}`];
      }
      const roles = found ? [...found.roles].sort() : null;
      return JSON.stringify(roles) === JSON.stringify(expected)
        ? []
        : [`${m.schemaName}: table ${expected.join(',') || '(none)'}, declared ${JSON.stringify(roles)}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('declares on every query the table names its capability', () => {
    const governed = new Set(
      Object.values(CAPABILITIES).flatMap((rule) => rule.operations.filter((op) => /^[a-z]/.test(op)).map((op) => op.split(':')[0])),
    );
    const queries = storage.queries.filter((q) => resolvers.has(q.target) && governed.has(q.schemaName));
    expect(queries.map((q) => q.schemaName).sort()).toEqual(['auditLog', 'users']);
    for (const query of queries)
      expect([...(declared(query.target, query.methodName)?.roles ?? [])].sort(), query.schemaName).toEqual(
        capabilitiesOf(query.schemaName),
      );
  });

  it('names in the table only operations that exist', () => {
    const names = new Set([...storage.mutations, ...storage.queries].filter((r) => resolvers.has(r.target)).map((r) => r.schemaName));
    const unknown = Object.values(CAPABILITIES)
      .flatMap((rule) => rule.operations)
      .filter((op) => !/^(POST|PUT|DELETE) \//.test(op) && !names.has(op.split(':')[0]));
    expect(unknown).toEqual([]);
  });
});

describe('the shape of a service', () => {
  it('builds every service of every subgraph from the request context (extends Service)', async () => {
    const { Service } = await import('../server/shared/service.js');
    const files = (await import('node:fs'))
      .readdirSync(new URL('../server', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.service.ts'));
    const services: string[] = [];
    const outside: string[] = [];
    for (const file of files) {
      const exported = (await import(`../server/${file.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        if (typeof value !== 'function' || !/Service$/.test(name)) continue;
        services.push(name);
        if (!(value.prototype instanceof Service)) outside.push(`${file}: ${name}`);
      }
    }
    expect(services.length).toBeGreaterThan(15);
    expect(outside).toEqual([]);
  });
});
