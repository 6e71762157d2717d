import { registerEnumType } from 'type-graphql';

/** Cấp khen thưởng — the authority that confers an award form. */
export enum AwardAuthority {
  STATE = 'STATE',
  PRIME_MINISTER = 'PRIME_MINISTER',
  MINISTRY = 'MINISTRY',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(AwardAuthority, {
  name: 'AwardAuthority',
  description:
    'Cấp khen thưởng — the conferring authority: STATE (Nhà nước), PRIME_MINISTER (Thủ tướng), MINISTRY (bộ, ngành Trung ương), PROVINCE, DISTRICT, COMMUNE (Chủ tịch UBND).',
});

/** Loại đối tượng khen thưởng — who a standard is for. */
export enum AwardSubjectType {
  AGENCY = 'AGENCY',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
  ENTERPRISE = 'ENTERPRISE',
  COOPERATIVE = 'COOPERATIVE',
  HOUSEHOLD = 'HOUSEHOLD',
  INDIVIDUAL = 'INDIVIDUAL',
  OTHER = 'OTHER',
  ANY = 'ANY',
}
registerEnumType(AwardSubjectType, {
  name: 'AwardSubjectType',
  description:
    'Loại đối tượng khen thưởng — the subject type of a standard or nomination: units (DISTRICT, COMMUNE, VILLAGE), contributors (HOUSEHOLD, INDIVIDUAL, ENTERPRISE, COOPERATIVE, OTHER = other organisations), AGENCY, or ANY.',
});

/** Đợt khen thưởng — the occasion a standard is for. */
export enum AwardOccasion {
  ANNUAL = 'ANNUAL',
  MID_TERM_REVIEW = 'MID_TERM_REVIEW',
  FINAL_REVIEW = 'FINAL_REVIEW',
  ANY = 'ANY',
}
registerEnumType(AwardOccasion, {
  name: 'AwardOccasion',
  description: 'Đợt khen thưởng — ANNUAL (hàng năm), MID_TERM_REVIEW (sơ kết), FINAL_REVIEW (tổng kết), ANY (not tied to an occasion).',
});

/** Căn cứ của tiêu chuẩn — how the plan states a standard. */
export enum StandardBasis {
  PLAN_STANDARD = 'PLAN_STANDARD',
  EMULATION_CRITERIA = 'EMULATION_CRITERIA',
  REFERENCE = 'REFERENCE',
}
registerEnumType(StandardBasis, {
  name: 'AwardStandardBasis',
  description:
    "Căn cứ của tiêu chuẩn — PLAN_STANDARD (the plan states it as an award standard), EMULATION_CRITERIA (the subject's emulation criteria, the plan deferring to the law), REFERENCE (set elsewhere).",
});

/** Loại người đóng góp — the kind of contributor. */
export enum ContributorKind {
  HOUSEHOLD = 'HOUSEHOLD',
  INDIVIDUAL = 'INDIVIDUAL',
  ENTERPRISE = 'ENTERPRISE',
  COOPERATIVE = 'COOPERATIVE',
  ORGANISATION = 'ORGANISATION',
}
registerEnumType(ContributorKind, {
  name: 'ContributorKind',
  description:
    'Loại người đóng góp — HOUSEHOLD (hộ gia đình), INDIVIDUAL (cá nhân), ENTERPRISE (doanh nghiệp), COOPERATIVE (hợp tác xã), ORGANISATION (tổ chức khác). Names of households and individuals are personal data.',
});

/** Loại đóng góp — what was contributed. */
export enum ContributionKind {
  MONEY = 'MONEY',
  LAND = 'LAND',
  LABOUR = 'LABOUR',
  ASSETS = 'ASSETS',
}
registerEnumType(ContributionKind, {
  name: 'ContributionKind',
  description:
    'Loại đóng góp — MONEY (tiền), LAND (đất đai, quy tiền theo đơn giá địa phương), LABOUR (ngày công), ASSETS (tài sản, vật kiến trúc).',
});

/** Trạng thái hồ sơ đề nghị — the workflow state of a nomination. */
export enum NominationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPRAISED = 'APPRAISED',
  COUNCIL_REVIEWED = 'COUNCIL_REVIEWED',
  DECIDED = 'DECIDED',
  RETURNED = 'RETURNED',
}
registerEnumType(NominationStatus, {
  name: 'NominationStatus',
  description:
    'Trạng thái hồ sơ đề nghị — DRAFT (dự thảo) → SUBMITTED (đã trình) → APPRAISED (đã thẩm định) → COUNCIL_REVIEWED (Hội đồng đã xét) → DECIDED (đã quyết định); RETURNED (trả lại để bổ sung) → SUBMITTED.',
});

/** Vai trò của một cấp trên đường đi của hồ sơ — what a level does with a nomination. */
export enum NominationLevelRole {
  PROPOSES = 'PROPOSES',
  REVIEWS_AND_FORWARDS = 'REVIEWS_AND_FORWARDS',
  DECIDES = 'DECIDES',
}
registerEnumType(NominationLevelRole, {
  name: 'NominationLevelRole',
  description:
    'Vai trò của một cấp đối với hồ sơ — PROPOSES (lập và trình hồ sơ), REVIEWS_AND_FORWARDS (thẩm định, Hội đồng Thi đua - Khen thưởng cấp đó xét, trình tiếp lên cấp trên), DECIDES (thẩm định, Hội đồng xét, người đứng đầu quyết định).',
});

/** Thành phần hồ sơ — a kind of dossier document. */
export enum DossierItemKind {
  PROPOSAL_LETTER = 'PROPOSAL_LETTER',
  ACHIEVEMENT_SUMMARY = 'ACHIEVEMENT_SUMMARY',
  COUNCIL_MINUTES = 'COUNCIL_MINUTES',
  OTHER = 'OTHER',
}
registerEnumType(DossierItemKind, {
  name: 'DossierItemKind',
  description:
    'Thành phần hồ sơ — PROPOSAL_LETTER (tờ trình, văn bản đề nghị), ACHIEVEMENT_SUMMARY (tóm tắt/báo cáo thành tích, mẫu 07 NĐ 91/2017), COUNCIL_MINUTES (biên bản họp Hội đồng), OTHER.',
});

/** Mức công nhận trong quy tắc — the tier a recognisedTier condition asks for. */
export enum RuleTier {
  NTM = 'NTM',
  ADVANCED = 'ADVANCED',
  MODEL = 'MODEL',
  NTM_TASKS_COMPLETED = 'NTM_TASKS_COMPLETED',
}
registerEnumType(RuleTier, {
  name: 'AwardRuleTier',
  description:
    "Mức công nhận trong quy tắc — NTM (đạt chuẩn), ADVANCED (nâng cao), MODEL (kiểu mẫu), at the subject's own level (a village: its village recognition); NTM_TASKS_COMPLETED (thị xã, thành phố hoàn thành nhiệm vụ xây dựng nông thôn mới) for towns and cities.",
});

/** Phạm vi đóng góp — whose contributions a contribution condition sums. */
export enum ContributionScope {
  OWN = 'OWN',
  MOBILISED = 'MOBILISED',
}
registerEnumType(ContributionScope, {
  name: 'ContributionScope',
  description: 'Phạm vi đóng góp — OWN (tự đóng góp), MOBILISED (trực tiếp vận động người khác đóng góp, với phần tự đóng góp tối thiểu).',
});

/** Năm công nhận — which year a recognisedTier condition looks at. */
export enum RecognitionWindow {
  OCCASION = 'OCCASION',
  PERIOD = 'PERIOD',
  YEAR = 'YEAR',
}
registerEnumType(RecognitionWindow, {
  name: 'AwardRecognitionWindow',
  description: "Năm công nhận — OCCASION (the occasion's year), PERIOD (any time in the campaign period), YEAR (the year given).",
});

/** Maps a contributor kind to the subject type of standards (other organisations are OTHER). */
export const subjectTypeOfContributor = (kind: ContributorKind): AwardSubjectType =>
  kind === ContributorKind.ORGANISATION ? AwardSubjectType.OTHER : (kind as unknown as AwardSubjectType);

/** Subject types that are administrative units, with the unit level they name. */
export const UNIT_SUBJECTS: Partial<Record<AwardSubjectType, 'DISTRICT' | 'COMMUNE' | 'VILLAGE'>> = {
  [AwardSubjectType.DISTRICT]: 'DISTRICT',
  [AwardSubjectType.COMMUNE]: 'COMMUNE',
  [AwardSubjectType.VILLAGE]: 'VILLAGE',
};

/** Subject types that are contributors, with the contributor kind they name. */
export const CONTRIBUTOR_SUBJECTS: Partial<Record<AwardSubjectType, ContributorKind>> = {
  [AwardSubjectType.HOUSEHOLD]: ContributorKind.HOUSEHOLD,
  [AwardSubjectType.INDIVIDUAL]: ContributorKind.INDIVIDUAL,
  [AwardSubjectType.ENTERPRISE]: ContributorKind.ENTERPRISE,
  [AwardSubjectType.COOPERATIVE]: ContributorKind.COOPERATIVE,
  [AwardSubjectType.OTHER]: ContributorKind.ORGANISATION,
};

/** Whether a contributor kind's name is personal data (hidden from anonymous callers). */
export const isPersonal = (kind: ContributorKind | string): boolean =>
  kind === ContributorKind.HOUSEHOLD || kind === ContributorKind.INDIVIDUAL;

/** Trường sắp xếp tiêu chuẩn khen thưởng — what awardStandardList sorts by. */
export enum AwardStandardOrderField {
  CREATED = 'CREATED',
  YEAR = 'YEAR',
  FORM = 'FORM',
  SUBJECT_TYPE = 'SUBJECT_TYPE',
}
registerEnumType(AwardStandardOrderField, {
  name: 'AwardStandardOrderField',
  description: 'Trường sắp xếp tiêu chuẩn khen thưởng — field to sort award standards by; ties are broken by id.',
  valuesConfig: {
    CREATED: { description: 'Theo thứ tự tạo — in the order they were created.' },
    YEAR: {
      description: "Theo năm của đợt (không năm: cuối khi tăng dần) — by the occasion's year (standards without one last when ascending).",
    },
    FORM: {
      description:
        "Theo thứ bậc hình thức (1 cao nhất; không định hình thức: cuối khi tăng dần) — by the form's rank (1 = highest; standards without a form last when ascending).",
    },
    SUBJECT_TYPE: { description: 'Theo loại đối tượng — by subject type.' },
  },
});

/** Trường sắp xếp kết quả xét điều kiện — what awardEligibilityList sorts by. */
export enum EligibilityOrderField {
  ELIGIBLE = 'ELIGIBLE',
  SUBJECT_NAME = 'SUBJECT_NAME',
  UNIT_CODE = 'UNIT_CODE',
}
registerEnumType(EligibilityOrderField, {
  name: 'EligibilityOrderField',
  description:
    'Trường sắp xếp kết quả xét điều kiện — field to sort eligibility results by; ties are broken by subject name, unit code and subject. A name hidden from the caller counts as absent (after every shown name when ascending), so the order never reveals it.',
  valuesConfig: {
    ELIGIBLE: {
      description: 'Đủ điều kiện trước (ASC) hoặc sau (DESC), rồi theo tên — eligible first (ASC) or last (DESC), then by name.',
    },
    SUBJECT_NAME: {
      description:
        "Theo tên đối tượng (thứ tự tiếng Việt; tên bị ẩn xếp sau) — by the subject's name in Vietnamese order; hidden names last.",
    },
    UNIT_CODE: { description: "Theo mã GSO của đơn vị đối tượng — by the GSO code of the subject's unit." },
  },
});

/** Trường sắp xếp hình thức khen thưởng — what awardFormList sorts by. */
export enum AwardFormOrderField {
  RANK = 'RANK',
  NAME = 'NAME',
}
registerEnumType(AwardFormOrderField, {
  name: 'AwardFormOrderField',
  description: 'Trường sắp xếp hình thức khen thưởng — field to sort award forms by; ties are broken by code.',
  valuesConfig: {
    RANK: { description: 'Theo thứ bậc (1 cao nhất) — by rank, 1 = highest.' },
    NAME: { description: 'Theo tên (thứ tự tiếng Việt) — by name, in Vietnamese order.' },
  },
});

/** Trường sắp xếp đóng góp — what contributions sorts by. */
export enum ContributionOrderField {
  DATE = 'DATE',
  VALUE = 'VALUE',
  CREATED = 'CREATED',
}
registerEnumType(ContributionOrderField, {
  name: 'ContributionOrderField',
  description: 'Trường sắp xếp đóng góp — field to sort contributions by; ties are broken by id.',
  valuesConfig: {
    DATE: { description: 'Theo ngày đóng góp — by the date of the contribution.' },
    VALUE: { description: 'Theo giá trị (đồng) — by value in VND.' },
    CREATED: { description: 'Theo thứ tự ghi nhận — in the order they were recorded.' },
  },
});

/** Trường sắp xếp hồ sơ đề nghị — what nominations sorts by. */
export enum NominationOrderField {
  YEAR = 'YEAR',
  STATUS = 'STATUS',
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
}
registerEnumType(NominationOrderField, {
  name: 'NominationOrderField',
  description: 'Trường sắp xếp hồ sơ đề nghị — field to sort nominations by; ties are broken by id.',
  valuesConfig: {
    YEAR: { description: "Theo năm xét — by the occasion's year." },
    STATUS: { description: 'Theo trạng thái, theo thứ tự quy trình DRAFT → … → RETURNED — by status, in workflow order.' },
    CREATED: { description: 'Theo thứ tự lập — in the order they were created.' },
    UPDATED: { description: 'Theo lần sửa cuối — by when they last changed.' },
  },
});

/** Trường sắp xếp khen thưởng — what awards sorts by. */
export enum AwardOrderField {
  DECIDED_ON = 'DECIDED_ON',
  YEAR = 'YEAR',
  CREATED = 'CREATED',
}
registerEnumType(AwardOrderField, {
  name: 'AwardOrderField',
  description: 'Trường sắp xếp khen thưởng đã quyết định — field to sort awards by; ties are broken by id.',
  valuesConfig: {
    DECIDED_ON: { description: 'Theo ngày quyết định — by decision date.' },
    YEAR: { description: "Theo năm của đợt — by the occasion's year." },
    CREATED: { description: 'Theo thứ tự ghi nhận — in the order they were recorded.' },
  },
});
