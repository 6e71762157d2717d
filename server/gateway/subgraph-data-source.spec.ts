import { describe, expect, it } from 'vitest';
import { SubgraphDataSource } from './subgraph-data-source.js';

/** What a subgraph over HTTP answers when it refuses a whole request. */
const refusal = (status: number, body: unknown, type = 'application/json') =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } });

const source = new SubgraphDataSource({ url: 'http://127.0.0.1:1/subgraphs/units/graphql' });

describe('SubgraphDataSource', () => {
  it("passes on the coded error a subgraph's refusal carries, message and code, instead of Apollo's bare status", async () => {
    // The units subgraph could not check the sign-in while its database restarts.
    const message = 'Chưa kiểm tra được phiên đăng nhập, vui lòng thử lại — The sign-in could not be checked just now: try again';
    const error = await source.errorFromResponse(
      refusal(503, { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] }) as never,
    );
    expect(error.message).toBe(message);
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('reports a 502/503/504 without a coded body as the subgraph being unavailable', async () => {
    for (const status of [502, 503, 504]) {
      const error = await source.errorFromResponse(refusal(status, '<html>Bad Gateway</html>', 'text/html') as never);
      expect(error.extensions, String(status)).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'units' });
      expect(error.message).toBe('Phân hệ "units" tạm thời không trả lời được — Subgraph "units" cannot answer just now');
    }
  });

  it("keeps Apollo's error (masked as internal by the hub) for anything else, never passing on an internal error's text", async () => {
    const internal = await source.errorFromResponse(
      refusal(500, { errors: [{ message: 'select * from secret', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }) as never,
    );
    expect(internal.message).toMatch(/^500: /);
    expect(internal.extensions.code).toBeUndefined();
    const forbidden = await source.errorFromResponse(refusal(403, 'no', 'text/plain') as never);
    expect(forbidden.extensions.code).toBe('FORBIDDEN');
  });
});
