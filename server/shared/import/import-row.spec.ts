import { describe, expect, it } from 'vitest';
import { CellError, cells } from './import-row.js';

describe('cells.id', () => {
  it('reads a whole number that names a database row, from a number or text', () => {
    expect(cells.id(12)).toBe(12);
    expect(cells.id(' 2147483647 ')).toBe(2_147_483_647);
    expect(cells.id(null)).toBeNull();
  });

  it('refuses zero, a negative number, one past integer and a fraction, naming the value', () => {
    for (const cell of [0, -3, 2_147_483_648, '1.5']) expect(() => cells.id(cell)).toThrow(CellError);
    expect(() => cells.id(0)).toThrow('"0" is not a valid id');
    const refusal = (() => {
      try {
        return cells.id('-3');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ vi: '"-3" không phải mã hợp lệ', en: '"-3" is not a valid id' });
  });
});
