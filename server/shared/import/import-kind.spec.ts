import { describe, expect, it } from 'vitest';
import { Capability, importCapability } from '../capabilities.js';
import type { SubgraphContext } from '../context.js';
import type { UnitInfo } from '../unit-directory.js';
import { defineImportKind, emptyBatch, templateFile } from './import-kind.js';

const any = { vi: 'bất kỳ', en: 'anything' };

class NoRows {
  async validate() {
    return emptyBatch();
  }
}

const parts = {
  columns: [
    { key: 'unitCode', header: 'Mã đơn vị', code: true as const, expected: any },
    { key: 'name', header: 'Tên', expected: any },
  ],
  validator: NoRows,
  commit: async () => ({ created: 0, updated: 0, unitPaths: [] }),
};

describe('importCapability', () => {
  it("is the capability whose operations list the kind's import route", () => {
    expect(importCapability('villages')).toBe(Capability.MANAGE_VILLAGES);
    expect(importCapability('targets')).toBe(Capability.PLAN_CAMPAIGNS);
    expect(importCapability('assessments')).toBe(Capability.RECORD_ASSESSMENTS);
  });

  it('refuses a kind no capability lists', () => {
    expect(() => importCapability('harvests')).toThrow('POST /imports/harvests');
  });
});

describe('defineImportKind', () => {
  it("takes the capability table's capability, and the Vietnamese title as the sheet unless a sheet is named", () => {
    const kind = defineImportKind('contributions', {
      ...parts,
      title: { vi: 'Đóng góp', en: 'Contributions' },
      template: async () => ({ rows: [], listing: [] }),
    });
    expect(kind).toMatchObject({ name: 'contributions', capability: Capability.RECORD_CONTRIBUTIONS, sheetName: 'Đóng góp' });
    const named = defineImportKind('villages', {
      ...parts,
      title: { vi: 'Thôn, tổ dân phố', en: 'Villages', sheet: 'Thôn' },
      template: async () => ({ rows: [], listing: [] }),
    });
    expect(named.sheetName).toBe('Thôn');
    expect(named.title).toEqual({ vi: 'Thôn, tổ dân phố', en: 'Villages' });
  });

  it('refuses a kind whose route the capability table does not list', () => {
    expect(() => defineImportKind('harvests', { ...parts, title: any, template: async () => ({ rows: [], listing: [] }) })).toThrow(
      'POST /imports/harvests',
    );
  });

  it("makes a territory's export the template: the header row, then the rows of the unit withinCode names on the template's day", async () => {
    const territory = { id: 7, code: '02287', name: 'Xã Nà Phặc', path: '1.7' } as UnitInfo;
    const asked: string[] = [];
    const ctx = {
      units: {
        findByCode: async (code: string, date: string) => {
          asked.push(`${code}@${date}`);
          return code === '02287' ? territory : null;
        },
      },
    } as unknown as SubgraphContext;
    const kind = defineImportKind('classifications', {
      ...parts,
      title: any,
      exportRows: async (_ctx, unit, date) => [[unit.code, `${unit.name} ${date}`]],
    });
    const table = await kind.template(ctx, { withinCode: ' 02287 ', year: '2024' });
    expect(asked).toEqual(['02287@2024-06-30']);
    expect(table).toEqual({
      rows: [
        ['Mã đơn vị', 'Tên'],
        ['02287', 'Xã Nà Phặc 2024-06-30'],
      ],
      listing: [' 02287 '],
    });
    expect(await kind.template(ctx, {})).toEqual({ rows: [['Mã đơn vị', 'Tên']], listing: [undefined] });
    await expect(kind.template(ctx, { withinCode: '99999', asOf: '2024-01-01' })).rejects.toThrow(
      'No unit with code "99999" is valid on 2024-01-01',
    );
  });
});

describe('templateFile', () => {
  it("is mau- and the sheet's name without accents, then what the template lists, empty parts left out", () => {
    expect(templateFile({ sheetName: 'Phân loại' }, { rows: [], listing: ['02287'] })).toBe('mau-phan-loai-02287');
    expect(templateFile({ sheetName: 'Đánh giá' }, { rows: [], listing: ['COMMUNE-NTM-2021-2025', '2024', undefined] })).toBe(
      'mau-danh-gia-COMMUNE-NTM-2021-2025-2024',
    );
    expect(templateFile({ sheetName: 'Chỉ tiêu' }, { rows: [], listing: [undefined] })).toBe('mau-chi-tieu');
  });
});
