import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allPages, batches, PEER_PAGE, peerData, peerError, peerResult, type PeerQuery } from './peers.js';

describe('peer errors', () => {
  it("passes a caller's mistake on with its code and message, unchanged", () => {
    for (const code of ['NOT_FOUND', 'BAD_USER_INPUT']) {
      const error = peerError('units', { message: 'Không có đơn vị — No unit', extensions: { code } });
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error.message).toBe('Không có đơn vị — No unit');
      expect((error as GraphQLError).extensions.code).toBe(code);
    }
  });

  it("turns any other error into the peer's failure, naming the subgraph", () => {
    for (const extensions of [{ code: 'INTERNAL_SERVER_ERROR' }, { code: 'FORBIDDEN' }, undefined]) {
      const error = peerError('criteria', { message: 'boom', extensions });
      expect(error).not.toBeInstanceOf(GraphQLError);
      expect(error.message).toBe('criteria subgraph: boom');
    }
  });

  it('passes on a peer being unavailable for now, whatever codes the caller names, so the client knows to retry', () => {
    for (const passOn of [undefined, ['CONFLICT']]) {
      const error = peerError(
        'units',
        { message: 'Tạm thời không truy cập được — Unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } },
        passOn,
      );
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error.message).toBe('Tạm thời không truy cập được — Unavailable');
      expect((error as GraphQLError).extensions.code).toBe('SERVICE_UNAVAILABLE');
    }
  });

  it('passes on the codes a caller names instead of the default ones', () => {
    const error = peerError('insights', { message: 'taken', extensions: { code: 'CONFLICT' } }, ['CONFLICT']);
    expect((error as GraphQLError).extensions.code).toBe('CONFLICT');
    expect(peerError('insights', { message: 'absent', extensions: { code: 'NOT_FOUND' } }, ['CONFLICT'])).not.toBeInstanceOf(GraphQLError);
  });

  it('returns the data of an answer without errors, and throws the first error of one with errors', async () => {
    expect(peerResult('units', { data: { unit: { id: '7' } } })).toEqual({ unit: { id: '7' } });
    let thrown: unknown;
    try {
      peerResult('units', { data: null, errors: [{ message: 'first', extensions: { code: 'NOT_FOUND' } }, { message: 'second' }] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).message).toBe('first');
    expect((thrown as GraphQLError).extensions.code).toBe('NOT_FOUND');
    const peers: PeerQuery = async (subgraph, query, variables) => ({ data: { subgraph, query, variables } });
    expect(await peerData(peers, 'campaigns', '{ x }', { a: 1 })).toEqual({ subgraph: 'campaigns', query: '{ x }', variables: { a: 1 } });
  });
});

describe('paging through a peer', () => {
  it('splits ids into batches of at most PEER_PAGE, in order', () => {
    const ids = Array.from({ length: 1_201 }, (_, i) => i);
    const split = batches(ids);
    expect(PEER_PAGE).toBe(500);
    expect(split.map((b) => b.length)).toEqual([500, 500, 201]);
    expect(split.flat()).toEqual(ids);
    expect(batches([])).toEqual([]);
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('reads every page of a list up to its totalCount, asking PEER_PAGE at a time', async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => i);
    const asked: [number, number][] = [];
    const all = await allPages(async (offset, limit) => {
      asked.push([offset, limit]);
      return { totalCount: rows.length, nodes: rows.slice(offset, offset + limit) };
    });
    expect(all).toEqual(rows);
    // 1,000 rows are two full pages: no third request for an empty one.
    expect(asked).toEqual([
      [0, 500],
      [500, 500],
    ]);
  });

  it('stops at an empty page when the list shrinks while it is read', async () => {
    const asked: number[] = [];
    const all = await allPages(async (offset) => {
      asked.push(offset);
      return offset === 0 ? { totalCount: 2_000, nodes: ['a', 'b'] } : { totalCount: 2_000, nodes: [] };
    });
    expect(all).toEqual(['a', 'b']);
    expect(asked).toEqual([0, 500]);
  });
});
