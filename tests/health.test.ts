import { describe, expect, it } from 'vitest';
import { hubUrl } from './support/hub.js';

describe('health endpoints', () => {
  it('reports live and ready with the database reachable and the supergraph composed', async () => {
    const live = await fetch(`${hubUrl()}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${hubUrl()}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: Record<string, boolean> };
    expect(body.status).toBe('ready');
    expect(body.checks.supergraph).toBe(true);
    expect(Object.keys(body.checks).filter((k) => k.startsWith('database:'))).toContain('database:units');
  });
});
