import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../server/shared/project.js';
import { hubUrl } from './support/hub.js';

const hub = hubUrl();
const dist = projectPath('admin', 'dist');
/** The script index.html loads first (the sign-in form's code). */
const entry = () => /src="\/admin\/(assets\/[^"]+\.js)"/.exec(readFileSync(`${dist}/index.html`, 'utf8'))![1];

describe("the console's static files (admin/dist)", () => {
  it('sends hashed assets compressed, as the browser accepts, and cached for a year', async () => {
    const file = entry();
    const original = readFileSync(`${dist}/${file}`);
    const br = await fetch(`${hub}/admin/${file}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    // fetch decodes the body: it must be the built file, and what travelled (content-length) much smaller.
    expect(Buffer.from(await br.arrayBuffer()).equals(original)).toBe(true);
    expect(Number(br.headers.get('content-length'))).toBeLessThan(original.length / 2);

    const gzip = await fetch(`${hub}/admin/${file}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(Buffer.from(await gzip.arrayBuffer()).equals(original)).toBe(true);
    expect(Number(gzip.headers.get('content-length'))).toBeLessThan(original.length / 2);

    const plain = await fetch(`${hub}/admin/${file}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);
  });

  it('has index.html revalidated on every load, also for any path under /admin (hash routing)', async () => {
    for (const path of ['/admin/', '/admin/index.html', '/admin/some/deep/link']) {
      const response = await fetch(`${hub}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(await response.text(), path).toContain('<div id="root">');
    }
  });

  it('keeps the code the sign-in form needs under 250 kB gzip-compressed, the rest in chunks loaded on demand', async () => {
    const html = readFileSync(`${dist}/index.html`, 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(initial.length).toBeGreaterThan(0);
    let total = 0;
    for (const file of initial)
      total += Number((await fetch(`${hub}/admin/${file}`, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-length'));
    expect(total).toBeLessThanOrEqual(250_000);
    // Pages (and the charts library) are chunks of their own, not part of what index.html loads.
    const chunks = readdirSync(`${dist}/assets`).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(initial.length + 10);
  });
});
