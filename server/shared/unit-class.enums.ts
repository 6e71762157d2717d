import { registerEnumType } from 'type-graphql';
import { UNIT_CLASS_LABELS, UnitClass } from './domain/unit-class.js';

/**
 * Loại đơn vị — one public enum for the classes targets (campaigns) and award thresholds (awards) are restricted to.
 * Both subgraphs expose this very definition, so the supergraph has one `UnitClass` (it replaces awards' former
 * `AwardUnitClass`, which had the same values).
 */
registerEnumType(UnitClass, {
  name: 'UnitClass',
  description:
    'Loại đơn vị mà chỉ tiêu hoặc ngưỡng khen thưởng áp dụng (với chỉ số thôn, và với hộ gia đình, cá nhân: loại của xã, thôn) — a class of units a target or an award threshold is restricted to (for village metrics, households and individuals: the class of their commune or village).',
  valuesConfig: Object.fromEntries(Object.entries(UNIT_CLASS_LABELS).map(([key, { vi, en }]) => [key, { description: `${vi} — ${en}.` }])),
});

export { UnitClass };
