import { describe, expect, it } from 'vitest';
import { readCriteriaSeeds, readSetSeed } from './criteria.seed.js';

describe('criteria seed files', () => {
  it('parse into the national and provincial sets, never inventing thresholds', () => {
    const sets = readCriteriaSeeds();
    const byCode = new Map(sets.map((s) => [s.code, s]));
    expect(byCode.get('COMMUNE-NTM-2021-2025')).toMatchObject({
      tier: 'STANDARD',
      appliesTo: 'COMMUNE',
      periodStart: '2021-01-01',
      owner: { code: 'VN', level: 'NATION' },
    });
    expect(byCode.get('COMMUNE-NTM-2021-2025')!.criteria).toHaveLength(19);
    expect(byCode.get('COMMUNE-NTM-2026-2030')!.criteria).toHaveLength(10);
    expect(
      sets
        .filter((s) => s.appliesTo === 'VILLAGE')
        .map((s) => s.owner.code)
        .sort(),
    ).toEqual(['06', '06', '20', '42', '49', '56']);
    expect(sets.flatMap((s) => s.criteria.flatMap((c) => c.indicators.flatMap((i) => i.thresholds))).map((t) => t.value)).toEqual([
      10, 1, 1,
    ]);
  });

  it('names the file and field of a mistake', () => {
    const base = {
      code: 'X',
      nameVi: 'X',
      tier: 'STANDARD',
      appliesTo: 'COMMUNE',
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
      owner: { code: 'VN', level: 'NATION' },
    };
    expect(() => readSetSeed({ ...base, tier: 'GOLD' }, 'bad.yaml')).toThrow(/bad\.yaml X\.tier/);
    expect(() => readSetSeed({ ...base, periodEnd: '2025-02-30' }, 'bad.yaml')).toThrow(/periodEnd/);
    expect(() =>
      readSetSeed(
        {
          ...base,
          criteria: [
            { number: 1, nameVi: 'A' },
            { number: 1, nameVi: 'B' },
          ],
        },
        'bad.yaml',
      ),
    ).toThrow(/repeat/);
    const terrain = readSetSeed(
      {
        ...base,
        criteria: [
          {
            number: 1,
            nameVi: 'A',
            indicators: [{ code: '1.1', nameVi: 'a', comparator: 'GTE', thresholds: [{ value: 1, unitClass: 'HIGH_MOUNTAIN' }] }],
          },
        ],
      },
      'ok.yaml',
    );
    expect(terrain.criteria[0].indicators[0].thresholds[0].unitClass).toBe('TERRAIN:HIGH_MOUNTAIN');
  });
});
