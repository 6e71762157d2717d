import { registerEnumType } from 'type-graphql';

/** Trạng thái phong trào — lifecycle of a campaign. */
export enum CampaignStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Trạng thái phong trào — lifecycle of a campaign.',
  valuesConfig: {
    DRAFT: { description: 'Dự thảo — draft, not yet issued.' },
    ACTIVE: { description: 'Đang thực hiện — issued and running.' },
    CLOSED: { description: 'Đã tổng kết — closed after its final review.' },
  },
});

/** So sánh — how the actual value must relate to the target value. */
export enum Comparator {
  GT = 'GT',
  GTE = 'GTE',
  EQ = 'EQ',
  LTE = 'LTE',
  LT = 'LT',
}
registerEnumType(Comparator, {
  name: 'Comparator',
  description: 'Phép so sánh của chỉ tiêu — how the actual value must relate to the target value.',
  valuesConfig: {
    GT: { description: 'Trên, hơn (>) — greater than.' },
    GTE: { description: 'Ít nhất, phấn đấu (≥) — at least.' },
    EQ: { description: 'Bằng, đạt, duy trì (=) — equal to.' },
    LTE: { description: 'Không quá (≤) — at most.' },
    LT: { description: 'Dưới (<) — less than.' },
  },
});

/** Đơn vị của giá trị chỉ tiêu — what a target's value counts. */
export enum TargetValueUnit {
  COUNT = 'COUNT',
  PERCENT = 'PERCENT',
  METRIC = 'METRIC',
  NONE = 'NONE',
}
registerEnumType(TargetValueUnit, {
  name: 'TargetValueUnit',
  description: "Đơn vị của giá trị chỉ tiêu — what a target's value is expressed in.",
  valuesConfig: {
    COUNT: { description: 'Số lượng (xã, thôn, huyện, sản phẩm …) — a count of what the metric counts.' },
    PERCENT: { description: 'Tỷ lệ % của mẫu số nêu ở denominatorBasis — a percentage of the stated denominator.' },
    METRIC: { description: "Theo đơn vị đo của chỉ số (tiêu chí/xã, triệu đồng/người/năm, % …) — in the metric's own unit of measure." },
    NONE: { description: 'Không có giá trị số (chỉ tiêu trạng thái) — no numeric value (status targets).' },
  },
});

/** Mẫu số — what a share is a share of. */
export enum DenominatorBasis {
  ALL_COMMUNES = 'ALL_COMMUNES',
  NTM_COMMUNES = 'NTM_COMMUNES',
  ADVANCED_COMMUNES = 'ADVANCED_COMMUNES',
  ALL_VILLAGES = 'ALL_VILLAGES',
  VILLAGES_OF_EDK_COMMUNES = 'VILLAGES_OF_EDK_COMMUNES',
  ALL_DISTRICTS = 'ALL_DISTRICTS',
  HOUSEHOLDS = 'HOUSEHOLDS',
  POPULATION = 'POPULATION',
  SCHOOLS = 'SCHOOLS',
  OTHER = 'OTHER',
}
registerEnumType(DenominatorBasis, {
  name: 'DenominatorBasis',
  description: 'Cơ sở của mẫu số — what a share or fraction is taken of.',
  valuesConfig: {
    ALL_COMMUNES: { description: 'Tổng số xã của đơn vị — all communes of the unit.' },
    NTM_COMMUNES: { description: 'Số xã đạt chuẩn nông thôn mới (Quảng Nam: 40 %, 10 %) — communes meeting the NTM standard.' },
    ADVANCED_COMMUNES: { description: 'Số xã đạt chuẩn nông thôn mới nâng cao — communes meeting the advanced standard.' },
    ALL_VILLAGES: { description: 'Tổng số thôn của đơn vị — all villages of the unit (of its class when unitClass is set).' },
    VILLAGES_OF_EDK_COMMUNES: {
      description: 'Thôn thuộc các xã đặc biệt khó khăn — villages of especially-disadvantaged communes (see basisNote).',
    },
    ALL_DISTRICTS: { description: 'Tổng số đơn vị cấp huyện — all district-level units.' },
    HOUSEHOLDS: { description: 'Hộ gia đình — households.' },
    POPULATION: { description: 'Dân số — residents.' },
    SCHOOLS: { description: 'Trường học (loại trường ở basisNote) — schools (the kind in basisNote).' },
    OTHER: { description: 'Cơ sở khác, mô tả ở basisNote — another basis, described in basisNote.' },
  },
});

export { UnitClass } from '../shared/unit-class.enums.js';

/** Loại trách nhiệm — what a duty the plan assigns is about. */
export enum ResponsibilityKind {
  PREPARES_DOSSIERS = 'PREPARES_DOSSIERS',
  RECEIVES_DOSSIERS = 'RECEIVES_DOSSIERS',
  APPRAISES = 'APPRAISES',
  CONSULTS = 'CONSULTS',
  COUNCIL_REVIEW = 'COUNCIL_REVIEW',
  PROPOSES = 'PROPOSES',
  REPORTS = 'REPORTS',
  INSPECTS = 'INSPECTS',
  COORDINATES = 'COORDINATES',
  ADVISES = 'ADVISES',
}
registerEnumType(ResponsibilityKind, {
  name: 'ResponsibilityKind',
  description: 'Loại trách nhiệm theo kế hoạch — what a duty the plan assigns is about.',
  valuesConfig: {
    PREPARES_DOSSIERS: {
      description: 'Lập hồ sơ, làm đầu mối đề nghị khen thưởng — prepares nomination dossiers, focal point for proposals.',
    },
    RECEIVES_DOSSIERS: { description: 'Tiếp nhận, tổng hợp hồ sơ đề nghị — receives and compiles dossiers.' },
    APPRAISES: { description: 'Thẩm định thành tích, hồ sơ — appraises achievements and dossiers.' },
    CONSULTS: { description: 'Xin ý kiến (Ban Chỉ đạo) trước khi trình — consults (the steering committee) before submitting.' },
    COUNCIL_REVIEW: {
      description: 'Hội đồng Thi đua - Khen thưởng xét, hướng dẫn đề nghị — the emulation council reviews or guides proposals.',
    },
    PROPOSES: { description: 'Trình Chủ tịch UBND hoặc cấp trên khen thưởng — submits to the chairman or the higher level.' },
    REPORTS: { description: 'Báo cáo kết quả định kỳ — reports periodically.' },
    INSPECTS: { description: 'Kiểm tra, giám sát, đôn đốc — inspects, monitors, urges.' },
    COORDINATES: { description: 'Phối hợp, thống nhất nội dung, biện pháp — coordinates.' },
    ADVISES: { description: 'Tham mưu, chủ trì xây dựng văn bản — advises, drafts the rules.' },
  },
});

/** Tăng thêm so với — what an increment target adds to. */
export enum IncrementBasis {
  PREVIOUS_YEAR = 'PREVIOUS_YEAR',
  PERIOD_START = 'PERIOD_START',
}
registerEnumType(IncrementBasis, {
  name: 'IncrementBasis',
  description: 'Mốc của chỉ tiêu tăng thêm — what an increment target is counted from.',
  valuesConfig: {
    PREVIOUS_YEAR: { description: 'So với cuối năm trước (Bắc Kạn: "tăng thêm 9 xã" năm 2022) — over the end of the previous year.' },
    PERIOD_START: { description: 'So với đầu giai đoạn — over the start of the campaign period.' },
  },
});

/** Trạng thái công nhận — the recognition a status target asks of one unit. */
export enum UnitStatus {
  NTM = 'NTM',
  ADVANCED = 'ADVANCED',
  MODEL = 'MODEL',
  NTM_TASKS_COMPLETED = 'NTM_TASKS_COMPLETED',
  CIVILISED_URBAN = 'CIVILISED_URBAN',
}
registerEnumType(UnitStatus, {
  name: 'UnitStatus',
  description: 'Trạng thái công nhận của một đơn vị — the recognition a status target asks of one unit.',
  valuesConfig: {
    NTM: { description: 'Đạt chuẩn nông thôn mới — meets the NTM standard.' },
    ADVANCED: { description: 'Đạt chuẩn nông thôn mới nâng cao — advanced NTM.' },
    MODEL: { description: 'Đạt chuẩn nông thôn mới kiểu mẫu — model NTM.' },
    NTM_TASKS_COMPLETED: {
      description: 'Hoàn thành nhiệm vụ xây dựng nông thôn mới (thị xã, thành phố) — NTM tasks completed (towns, cities).',
    },
    CIVILISED_URBAN: { description: 'Đô thị văn minh — civilised urban area (not an NTM recognition).' },
  },
});

/** Loại mốc — the occasions and deadlines of a campaign. */
export enum MilestoneKind {
  ANNUAL = 'ANNUAL',
  MID_TERM_REVIEW = 'MID_TERM_REVIEW',
  FINAL_REVIEW = 'FINAL_REVIEW',
  INSPECTION = 'INSPECTION',
  REPORTING = 'REPORTING',
  TASK_DEADLINE = 'TASK_DEADLINE',
}
registerEnumType(MilestoneKind, {
  name: 'MilestoneKind',
  description: 'Loại mốc của phong trào — kind of campaign occasion or deadline.',
  valuesConfig: {
    ANNUAL: { description: 'Khen thưởng hàng năm — annual awards (with their dossier deadline).' },
    MID_TERM_REVIEW: { description: 'Sơ kết (2023) — mid-term review.' },
    FINAL_REVIEW: { description: 'Tổng kết (2025) — final review.' },
    INSPECTION: { description: 'Kiểm tra, giám sát — inspection and supervision.' },
    REPORTING: { description: 'Báo cáo định kỳ — periodic reporting.' },
    TASK_DEADLINE: { description: 'Hạn hoàn thành một nhiệm vụ — deadline of a task.' },
  },
});

/** Tần suất — how often a milestone recurs. */
export enum Recurrence {
  ONCE = 'ONCE',
  ANNUAL = 'ANNUAL',
  SEMI_ANNUAL = 'SEMI_ANNUAL',
}
registerEnumType(Recurrence, {
  name: 'Recurrence',
  description: 'Tần suất của mốc — how often a milestone recurs.',
  valuesConfig: {
    ONCE: { description: 'Một lần — once (in `year`).' },
    ANNUAL: { description: 'Hàng năm — every year of the period.' },
    SEMI_ANNUAL: { description: 'Sáu tháng một lần — every six months.' },
  },
});

/** Đối tượng thi đua — who a campaign addresses. */
export enum SubjectType {
  AGENCY = 'AGENCY',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
  ENTERPRISE = 'ENTERPRISE',
  COOPERATIVE = 'COOPERATIVE',
  HOUSEHOLD = 'HOUSEHOLD',
  INDIVIDUAL = 'INDIVIDUAL',
  OTHER = 'OTHER',
}
registerEnumType(SubjectType, {
  name: 'SubjectType',
  description: 'Loại đối tượng thi đua — the kind of subject a campaign addresses.',
  valuesConfig: {
    AGENCY: { description: 'Cơ quan, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội — agencies and Fatherland Front organisations.' },
    DISTRICT: { description: 'Cấp huyện — districts, towns and provincial cities.' },
    COMMUNE: { description: 'Xã — communes.' },
    VILLAGE: { description: 'Thôn, bản, khu dân cư — villages.' },
    ENTERPRISE: { description: 'Doanh nghiệp — enterprises.' },
    COOPERATIVE: { description: 'Hợp tác xã — cooperatives.' },
    HOUSEHOLD: { description: 'Hộ gia đình — households.' },
    INDIVIDUAL: { description: 'Cá nhân — individuals (officials, workers, cooperative members).' },
    OTHER: { description: 'Đối tượng khác — others (overseas Vietnamese, international organisations …).' },
  },
});

/** Loại phong trào, cuộc vận động gắn với phong trào — a movement linked to a campaign. */
export enum SubMovementKind {
  MOVEMENT = 'MOVEMENT',
  CAMPAIGN = 'CAMPAIGN',
  ACTIVITY = 'ACTIVITY',
}
registerEnumType(SubMovementKind, {
  name: 'SubMovementKind',
  description: 'Loại hoạt động gắn với phong trào — kind of a movement or drive linked to a campaign.',
  valuesConfig: {
    MOVEMENT: { description: 'Phong trào — a movement.' },
    CAMPAIGN: { description: 'Cuộc vận động — a drive.' },
    ACTIVITY: { description: 'Hoạt động — an activity.' },
  },
});

/** Loại chỉ số — what kind of value a metric has. */
export enum MetricKind {
  COUNT = 'COUNT',
  SHARE = 'SHARE',
  AVERAGE = 'AVERAGE',
  VALUE = 'VALUE',
  STATUS = 'STATUS',
}
registerEnumType(MetricKind, {
  name: 'MetricKind',
  description: 'Loại chỉ số — what kind of value a metric has.',
  valuesConfig: {
    COUNT: { description: 'Số lượng — a count (may be targeted as a share of a stated denominator).' },
    SHARE: { description: 'Tỷ lệ — a share in %.' },
    AVERAGE: { description: 'Bình quân — an average.' },
    VALUE: { description: 'Giá trị — a reported value in the unit of measure.' },
    STATUS: { description: 'Trạng thái — the recognition status of one unit (targets carry `status`).' },
  },
});

/** Cách cộng dồn — how a metric rolls up the hierarchy. */
export enum MetricAggregation {
  SUM = 'SUM',
  RATIO = 'RATIO',
  MEAN_WEIGHTED = 'MEAN_WEIGHTED',
  NONE = 'NONE',
}
registerEnumType(MetricAggregation, {
  name: 'MetricAggregation',
  description: 'Cách tổng hợp chỉ số lên cấp trên — how values roll up the unit hierarchy.',
  valuesConfig: {
    SUM: { description: 'Cộng — sum.' },
    RATIO: { description: 'Tỷ số của tổng tử và tổng mẫu — ratio of summed numerators and denominators.' },
    MEAN_WEIGHTED: { description: 'Bình quân gia quyền (xem weightedBy) — weighted mean.' },
    NONE: { description: 'Không tổng hợp — does not roll up.' },
  },
});

/** Sắp xếp phong trào theo — the field campaigns are sorted by. */
export enum CampaignOrderField {
  NAME = 'NAME',
  PERIOD_START = 'PERIOD_START',
  CREATED = 'CREATED',
}
registerEnumType(CampaignOrderField, {
  name: 'CampaignOrderField',
  description: 'Trường sắp xếp phong trào — field to sort campaigns by.',
  valuesConfig: {
    NAME: { description: 'Theo tên (thứ tự tiếng Việt) — by name, in Vietnamese order.' },
    PERIOD_START: { description: 'Theo ngày bắt đầu giai đoạn — by the start of the period.' },
    CREATED: { description: 'Theo thứ tự tạo — in the order they were created.' },
  },
});

/** Sắp xếp chỉ tiêu theo — the field targets are sorted by; ties are broken by id. */
export enum TargetOrderField {
  CAMPAIGN = 'CAMPAIGN',
  UNIT_CODE = 'UNIT_CODE',
  METRIC = 'METRIC',
  YEAR = 'YEAR',
  VALUE = 'VALUE',
  CREATED = 'CREATED',
}
registerEnumType(TargetOrderField, {
  name: 'TargetOrderField',
  description: 'Trường sắp xếp chỉ tiêu (cùng giá trị thì theo thứ tự nhập) — field to sort targets by (ties in the order entered).',
  valuesConfig: {
    CAMPAIGN: { description: 'Theo tên phong trào (thứ tự tiếng Việt) — by campaign name, in Vietnamese order.' },
    UNIT_CODE: { description: "Theo mã GSO của đơn vị — by the unit's GSO code." },
    METRIC: { description: 'Theo mã chỉ số — by metric code.' },
    YEAR: {
      description:
        'Theo năm; chỉ tiêu không ghi năm (cuối giai đoạn) xếp sau cùng khi tăng dần — by year; targets without a year (the period end) come last ascending.',
    },
    VALUE: {
      description:
        'Theo giá trị (khoảng: theo cận dưới; chỉ tiêu trạng thái xếp sau cùng khi tăng dần) — by value (ranges by their lower end; status targets last ascending).',
    },
    CREATED: { description: 'Theo thứ tự nhập — in the order entered.' },
  },
});

/** Sắp xếp chỉ số theo — the field metrics are sorted by; ties are broken by code. */
export enum MetricOrderField {
  CODE = 'CODE',
  NAME_VI = 'NAME_VI',
  KIND = 'KIND',
}
registerEnumType(MetricOrderField, {
  name: 'MetricOrderField',
  description: 'Trường sắp xếp chỉ số — field to sort metrics by.',
  valuesConfig: {
    CODE: { description: 'Theo mã — by code.' },
    NAME_VI: { description: 'Theo tên tiếng Việt (thứ tự tiếng Việt) — by Vietnamese name, in Vietnamese order.' },
    KIND: { description: 'Theo loại chỉ số — by kind.' },
  },
});

/** Mâu thuẫn trong một kế hoạch — the kinds of contradiction the report finds between a plan's own targets. */
export enum ConsistencyWarningKind {
  STATED_FRACTION_MISSES_SHARE = 'STATED_FRACTION_MISSES_SHARE',
  COUNT_MISSES_SHARE = 'COUNT_MISSES_SHARE',
  INCREMENTS_DISAGREE = 'INCREMENTS_DISAGREE',
  YEARLY_TARGET_DISAGREES = 'YEARLY_TARGET_DISAGREES',
}
registerEnumType(ConsistencyWarningKind, {
  name: 'ConsistencyWarningKind',
  description: "Loại mâu thuẫn giữa các chỉ tiêu của cùng một kế hoạch — a kind of contradiction between a plan's own targets.",
  valuesConfig: {
    STATED_FRACTION_MISSES_SHARE: {
      description:
        "Chính phân số kế hoạch nêu không đạt tỷ lệ của chỉ tiêu (Quảng Nam: 155/194 = 79,9 % < 80 %) — the plan's own fraction fails its share target.",
    },
    COUNT_MISSES_SHARE: {
      description:
        'Đạt đúng chỉ tiêu số lượng vẫn không đạt chỉ tiêu tỷ lệ cùng năm — meeting the count target exactly fails the share target of the same year.',
    },
    INCREMENTS_DISAGREE: {
      description:
        'Mức tăng cả giai đoạn khác tổng các mức tăng từng năm (Bắc Kạn: +46 so với +40) — the increase over the period differs from the sum of the yearly increases.',
    },
    YEARLY_TARGET_DISAGREES: {
      description:
        'Chỉ tiêu một năm khác chuỗi suy ra từ chỉ tiêu cuối và các mức tăng — a yearly target differs from the series its end target and increases give.',
    },
  },
});
