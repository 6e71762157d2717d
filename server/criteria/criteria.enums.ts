import { registerEnumType } from 'type-graphql';

/** Hạng của bộ tiêu chí — the standard a set defines. */
export enum CriteriaTier {
  STANDARD = 'STANDARD',
  ADVANCED = 'ADVANCED',
  MODEL = 'MODEL',
}
registerEnumType(CriteriaTier, {
  name: 'CriteriaTier',
  description: 'Hạng bộ tiêu chí — the standard a criteria set defines.',
  valuesConfig: {
    STANDARD: { description: 'Đạt chuẩn nông thôn mới — the new-rural standard.' },
    ADVANCED: { description: 'Nông thôn mới nâng cao — advanced new-rural.' },
    MODEL: { description: 'Nông thôn mới kiểu mẫu — model new-rural.' },
  },
});

/** Cấp áp dụng — the level of unit a set evaluates. */
export enum CriteriaLevel {
  COMMUNE = 'COMMUNE',
  DISTRICT = 'DISTRICT',
  VILLAGE = 'VILLAGE',
}
registerEnumType(CriteriaLevel, {
  name: 'CriteriaLevel',
  description: 'Cấp áp dụng của bộ tiêu chí — the level of unit a criteria set evaluates (xã, huyện, thôn).',
});

/** Phép so sánh — how a measured value is compared with its threshold. */
export enum Comparator {
  GT = 'GT',
  GTE = 'GTE',
  EQ = 'EQ',
  LTE = 'LTE',
  LT = 'LT',
  BOOL = 'BOOL',
}
registerEnumType(Comparator, {
  name: 'IndicatorComparator',
  description: 'Phép so sánh chỉ tiêu — how a measured value is compared with the threshold.',
  valuesConfig: {
    GT: { description: 'Lớn hơn — greater than.' },
    GTE: { description: 'Lớn hơn hoặc bằng — at least.' },
    EQ: { description: 'Bằng — equal to.' },
    LTE: { description: 'Nhỏ hơn hoặc bằng — at most.' },
    LT: { description: 'Nhỏ hơn — less than.' },
    BOOL: { description: 'Đạt/không đạt — a yes/no condition: value 1 means met, 0 not met; no threshold.' },
  },
});

/** Vùng — the seven regions of the 2021–2025 national thresholds (318/QĐ-TTg). */
export enum CriteriaRegion {
  NORTHERN_MIDLANDS_MOUNTAINS = 'NORTHERN_MIDLANDS_MOUNTAINS',
  RED_RIVER_DELTA = 'RED_RIVER_DELTA',
  NORTH_CENTRAL_COAST = 'NORTH_CENTRAL_COAST',
  SOUTH_CENTRAL_COAST = 'SOUTH_CENTRAL_COAST',
  CENTRAL_HIGHLANDS = 'CENTRAL_HIGHLANDS',
  SOUTHEAST = 'SOUTHEAST',
  MEKONG_DELTA = 'MEKONG_DELTA',
}
registerEnumType(CriteriaRegion, {
  name: 'CriteriaRegion',
  description: 'Vùng áp dụng ngưỡng (318/QĐ-TTg) — region a threshold applies to.',
  valuesConfig: {
    NORTHERN_MIDLANDS_MOUNTAINS: { description: 'Trung du miền núi phía Bắc.' },
    RED_RIVER_DELTA: { description: 'Đồng bằng sông Hồng.' },
    NORTH_CENTRAL_COAST: { description: 'Bắc Trung Bộ.' },
    SOUTH_CENTRAL_COAST: { description: 'Duyên hải Nam Trung Bộ.' },
    CENTRAL_HIGHLANDS: { description: 'Tây Nguyên.' },
    SOUTHEAST: { description: 'Đông Nam Bộ.' },
    MEKONG_DELTA: { description: 'Đồng bằng sông Cửu Long.' },
  },
});

/** Danh hiệu công nhận — the tier a recognition decision confers. */
export enum RecognitionTier {
  NTM = 'NTM',
  ADVANCED = 'ADVANCED',
  MODEL = 'MODEL',
  NTM_TASKS_COMPLETED = 'NTM_TASKS_COMPLETED',
  NTM_VILLAGE = 'NTM_VILLAGE',
  MODEL_VILLAGE = 'MODEL_VILLAGE',
}
registerEnumType(RecognitionTier, {
  name: 'RecognitionTier',
  description: 'Mức công nhận — the tier a recognition decision confers.',
  valuesConfig: {
    NTM: { description: 'Đạt chuẩn nông thôn mới (xã, huyện) — new-rural standard (commune, district).' },
    ADVANCED: { description: 'Nông thôn mới nâng cao (xã, huyện) — advanced new-rural.' },
    MODEL: { description: 'Nông thôn mới kiểu mẫu (xã, huyện) — model new-rural.' },
    NTM_TASKS_COMPLETED: {
      description:
        'Hoàn thành nhiệm vụ xây dựng nông thôn mới (thị xã, thành phố, tỉnh) — completed the new-rural tasks (towns, cities, provinces).',
    },
    NTM_VILLAGE: { description: 'Thôn đạt chuẩn nông thôn mới — new-rural village.' },
    MODEL_VILLAGE: { description: 'Thôn (khu dân cư) nông thôn mới kiểu mẫu — model new-rural village.' },
  },
});

/** Which tiers a unit may be recognised at, by its level and kind (UnitInfo.level / kind). */
export function tiersFor(level: string, kind: string): RecognitionTier[] {
  if (level === 'COMMUNE' && kind === 'COMMUNE') return [RecognitionTier.NTM, RecognitionTier.ADVANCED, RecognitionTier.MODEL];
  if (level === 'DISTRICT' && kind === 'RURAL_DISTRICT') return [RecognitionTier.NTM, RecognitionTier.ADVANCED, RecognitionTier.MODEL];
  if ((level === 'DISTRICT' && (kind === 'TOWN' || kind === 'PROVINCIAL_CITY')) || level === 'PROVINCE')
    return [RecognitionTier.NTM_TASKS_COMPLETED];
  if (level === 'VILLAGE') return [RecognitionTier.NTM_VILLAGE, RecognitionTier.MODEL_VILLAGE];
  return [];
}

/** Sắp xếp bộ tiêu chí theo — what a list of criteria sets is ordered by. */
export enum CriteriaSetOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  TIER = 'TIER',
  PERIOD_START = 'PERIOD_START',
  CREATED = 'CREATED',
}
registerEnumType(CriteriaSetOrderField, {
  name: 'CriteriaSetOrderField',
  description: 'Sắp xếp bộ tiêu chí theo — what a list of criteria sets is ordered by.',
  valuesConfig: {
    CODE: { description: 'Mã bộ tiêu chí — the code.' },
    NAME: { description: 'Tên, theo thứ tự chữ cái tiếng Việt — the Vietnamese name, in Vietnamese alphabetical order.' },
    TIER: { description: 'Hạng (chuẩn, nâng cao, kiểu mẫu) — the tier, standard before advanced before model.' },
    PERIOD_START: {
      description:
        'Ngày bắt đầu hiệu lực, rồi cấp áp dụng, bộ gốc trước bộ dẫn xuất, mã (mặc định) — period start, then level, root sets before derived ones, code (the default).',
    },
    CREATED: { description: 'Thứ tự tạo — creation order.' },
  },
});

/** Sắp xếp đánh giá theo — what a list of assessments is ordered by. */
export enum AssessmentOrderField {
  YEAR = 'YEAR',
  UNIT_CODE = 'UNIT_CODE',
  MET_COUNT = 'MET_COUNT',
  UPDATED_AT = 'UPDATED_AT',
  CREATED = 'CREATED',
}
registerEnumType(AssessmentOrderField, {
  name: 'AssessmentOrderField',
  description: 'Sắp xếp đánh giá theo — what a list of assessments is ordered by.',
  valuesConfig: {
    YEAR: { description: 'Năm, rồi đơn vị, bộ tiêu chí (mặc định) — the year, then unit and set (the default).' },
    UNIT_CODE: { description: "Mã GSO của đơn vị, rồi năm — the unit's code, then the year." },
    MET_COUNT: { description: 'Số tiêu chí đạt — how many criteria are met.' },
    UPDATED_AT: { description: 'Thời điểm cập nhật gần nhất — when last changed.' },
    CREATED: { description: 'Thứ tự ghi nhận — the order recorded in.' },
  },
});

/** Sắp xếp quyết định công nhận theo — what a list of recognition decisions is ordered by. */
export enum RecognitionOrderField {
  DECIDED_ON = 'DECIDED_ON',
  TIER = 'TIER',
  UNIT_CODE = 'UNIT_CODE',
  DECISION_NUMBER = 'DECISION_NUMBER',
  CREATED = 'CREATED',
}
registerEnumType(RecognitionOrderField, {
  name: 'RecognitionOrderField',
  description: 'Sắp xếp quyết định công nhận theo — what a list of recognition decisions is ordered by.',
  valuesConfig: {
    DECIDED_ON: { description: 'Ngày quyết định (mặc định) — the decision date (the default).' },
    TIER: {
      description:
        'Mức công nhận, theo thứ tự liệt kê (NTM, ADVANCED, MODEL, …) — the tier, in the order RecognitionTier lists them (NTM, ADVANCED, MODEL, …).',
    },
    UNIT_CODE: { description: "Mã GSO của đơn vị được công nhận — the recognised unit's code." },
    DECISION_NUMBER: { description: 'Số quyết định — the decision number.' },
    CREATED: { description: 'Thứ tự ghi nhận — the order recorded in.' },
  },
});
