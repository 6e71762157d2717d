import type { RaRecord } from 'react-admin';
import { COMPARATOR_SIGN } from '../common/enums';
import type { useFormat } from '../common/format';

export type Target = RaRecord & {
  year: number | null;
  yearFrom: number | null;
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  status: string | null;
  unitClass: string | null;
  comparator: string;
  valueUnit: string;
  version: number;
  isIncrement: boolean;
  unit: { id: string; code: string; name: string };
};

/** A target's requirement in a few characters: "≥ 12", "2–3 %", "= Đạt chuẩn NTM", "≥ 9 (+)" for an increment. */
export function targetText(t: Target, format: ReturnType<typeof useFormat>, translate: (key: string) => string): string {
  const suffix = t.valueUnit === 'PERCENT' ? ' %' : '';
  if (t.status) return `${COMPARATOR_SIGN[t.comparator]} ${translate(`enums.UnitStatus.${t.status}`)}`;
  if (t.valueMin != null) return `${format.number(t.valueMin)}–${format.number(t.valueMax)}${suffix}`;
  return `${COMPARATOR_SIGN[t.comparator]} ${format.number(t.value)}${suffix}${t.isIncrement ? ' (+)' : ''}`;
}
