import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Conditions, type FilterColumns } from './sql.js';

interface Filter {
  campaignId?: string | null;
  status?: string | null;
  year?: number | null;
}

const COLUMNS: FilterColumns<Filter> = { campaignId: { id: 'n.campaign_id' }, status: 'n.status', year: 'n.year' };

describe('Conditions.matching', () => {
  it('adds column = value for each field given, in the order of the columns, an ID parsed to its number', () => {
    const where = Conditions.matching({ year: 2024, campaignId: '17', status: 'DRAFT' }, COLUMNS);
    expect(where.clauses).toEqual(['n.campaign_id = ?', 'n.status = ?', 'n.year = ?']);
    expect(where.params).toEqual([17, 'DRAFT', 2024]);
  });

  it('leaves out a field that is null or absent, and keeps a given zero or false', () => {
    const where = Conditions.matching({ campaignId: null, year: 0 }, COLUMNS);
    expect(where.clauses).toEqual(['n.year = ?']);
    expect(where.params).toEqual([0]);
  });

  it('refuses an ID that names no row, BAD_USER_INPUT naming the field', () => {
    const refusal = (() => {
      try {
        return Conditions.matching({ campaignId: 'abc' }, COLUMNS);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect((refusal as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'campaignId' });
  });
});
