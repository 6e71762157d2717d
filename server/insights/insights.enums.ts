import { registerEnumType } from 'type-graphql';

/** Where an increment target's starting figure comes from (see AppliedTarget in targets.ts). */
export enum BaselineSource {
  PLAN_STATED = 'PLAN_STATED',
  PLAN_IMPLIED = 'PLAN_IMPLIED',
  NONE = 'NONE',
}
registerEnumType(BaselineSource, {
  name: 'TargetBaselineSource',
  description: 'Mốc của chỉ tiêu tăng thêm — where an increment target starts from.',
  valuesConfig: {
    PLAN_STATED: { description: "Kế hoạch nêu số liệu năm mốc — the plan states the baseline year's figure." },
    PLAN_IMPLIED: {
      description:
        "Suy ra từ chỉ tiêu cuối của kế hoạch trừ các mức tăng (Bắc Kạn: 61 − 40 = 21 năm 2021) — implied by the plan's end target less the increases leading to it.",
    },
    NONE: {
      description:
        'Kế hoạch không nêu mốc: không có chỉ tiêu tuyệt đối (không lấy số liệu thực tế làm mốc) — the plan gives no baseline, so there is no absolute target (actual figures are never used as one).',
    },
  },
});
