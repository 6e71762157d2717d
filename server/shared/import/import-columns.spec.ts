import { describe, expect, it } from 'vitest';
import { sharedColumns, textColumnsOf } from './import-columns.js';

describe('textColumnsOf', () => {
  const any = { vi: 'bất kỳ', en: 'anything' };

  it('gives the positions of the code columns, the shared unit code among them, and nothing else', () => {
    const columns = [
      sharedColumns.campaignId,
      { key: 'name', header: 'Tên', expected: any },
      sharedColumns.unitCode(any),
      sharedColumns.unitName,
      { key: 'code', header: 'Mã thôn', code: true as const, expected: any },
      sharedColumns.codeDate('asOf', any),
    ];
    expect(textColumnsOf(columns)).toEqual([2, 4]);
  });

  it('gives none for columns without codes', () => {
    expect(textColumnsOf([sharedColumns.unitName, sharedColumns.version(any)])).toEqual([]);
  });
});
