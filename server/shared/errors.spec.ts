import { DriverException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskError } from './errors.js';

/** An execution error as Apollo formats it, with the driver's error as the original. */
const masked = (message: string, original: unknown) => maskError(new GraphQLError(message).toJSON(), original);

describe('maskError', () => {
  it('reports a database that restarts or cannot be reached as SERVICE_UNAVAILABLE, however the driver words it', () => {
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    for (const [message, original] of [
      // MikroORM puts the statement before the driver's message, and keeps the driver's error as its cause.
      [
        'insert into "units"."unit_classification" ("x") values ($1) - terminating connection due to administrator command',
        { cause: shutdown },
      ],
      ['the database system is starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
      ['Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
      ['select 1 - Client has encountered a connection error and is not queryable', new Error('not queryable')],
      // A socket error while connecting, as MikroORM wraps it: the code, not the wording, says what happened.
      [
        'connect ECONNRESET 127.0.0.1:54462',
        new DriverException(Object.assign(new Error('connect ECONNRESET 127.0.0.1:54462'), { code: 'ECONNRESET' })),
      ],
    ] as const) {
      const error = masked(message, original);
      expect(error.extensions, message).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      expect(error.message).toBe(
        'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại — The database is unavailable for now: try again',
      );
    }
  });

  it('names a subgraph the gateway cannot reach, in the same words as one that cannot answer (SubgraphDataSource)', () => {
    const error = masked(
      'request to http://127.0.0.1:4317/subgraphs/awards/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4317',
      new Error('refused'),
    );
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'awards' });
    expect(error.message).toBe('Phân hệ "awards" tạm thời không trả lời được — Subgraph "awards" cannot answer just now');
    // Apollo's own serviceName, where it gives one, is kept.
    const named = maskError(
      new GraphQLError('request to http://10.0.0.7/graphql failed, reason: socket hang up', {
        extensions: { serviceName: 'insights' },
      }).toJSON(),
      undefined,
    );
    expect(named.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'insights' });
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR, without the driver text', () => {
    const error = masked('select * from secret_table - column "x" does not exist', new Error('column "x" does not exist'));
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error.message).not.toContain('secret_table');
    // A socket error outside the driver (a peer's HTTP request) is not the database's.
    const peer = masked(
      'fetch failed',
      new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }),
    );
    expect(peer.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
