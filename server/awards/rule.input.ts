/**
 * The typed GraphQL form of a rule, as the console's rule builder sends it: nested `all` / `any` groups of typed
 * conditions. `ruleFromInput` turns it into the stored JSON form, which `parseRule` then validates like any other.
 */
import { Field, Float, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { AwardOccasion, ContributionKind, ContributionScope, RecognitionWindow, RuleTier } from './awards.enums.js';
import { UnitClass } from '../shared/unit-class.enums.js';
import { RuleError } from './rule.js';

@InputType('ClassThresholdInput', {
  description: 'Ngưỡng riêng cho đơn vị có một phân loại — a threshold for subjects whose unit has a class.',
})
export class ClassThresholdInput {
  @Field(() => UnitClass, { description: 'Phân loại — the class.' })
  unitClass!: UnitClass;

  @Field(() => Float, { description: 'Ngưỡng (số tiêu chí, hoặc đồng) — the threshold (criteria, or VND).' })
  value!: number;
}

@InputType('AwardedAtInput', {
  description: 'Ngưỡng khác khi đối tượng đã được khen ở đợt trước — a different threshold when already awarded at an earlier occasion.',
})
export class AwardedAtInput {
  @Field(() => AwardOccasion, { description: 'Đợt đã khen — the earlier occasion.' })
  occasion!: AwardOccasion;

  @Field(() => Int, { description: 'Năm của đợt đó — its year.' })
  year!: number;

  @Field(() => Int, { description: 'Số tiêu chí tối thiểu khi đã khen — the minimum then.' })
  min!: number;

  @Field(() => Int, { description: 'Đếm tiêu chí đạt mới từ năm này — count criteria newly met since this year.' })
  countSince!: number;
}

@InputType('NewlyMetCriteriaInput', {
  description: 'Số tiêu chí đạt mới từ năm gốc ≥ min (tiêu chí theo QĐ 318/QĐ-TTg) — criteria newly met since a base year.',
})
export class NewlyMetCriteriaInput {
  @Field(() => Int, { description: 'Năm gốc — base year.' })
  baseYear!: number;

  @Field(() => Int, { description: 'Số tiêu chí tối thiểu — minimum count.' })
  min!: number;

  @Field(() => [Int], {
    nullable: true,
    description: 'Trong đó có ít nhất một trong các tiêu chí này — at least one of these criteria among them.',
  })
  includeAny?: number[] | null;

  @Field(() => [Int], { nullable: true, description: 'Trong đó có tất cả các tiêu chí này — all of these criteria among them.' })
  includeAll?: number[] | null;

  @Field(() => [ClassThresholdInput], { nullable: true, description: 'Số tối thiểu theo phân loại đơn vị — minimum by unit class.' })
  byClass?: ClassThresholdInput[] | null;

  @Field(() => AwardedAtInput, {
    nullable: true,
    description: 'Ngưỡng khi đã được khen ở đợt trước — threshold when already awarded at an earlier occasion.',
  })
  ifAwardedAt?: AwardedAtInput | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Tính đến ngày (ví dụ ngày có văn bản chỉ đạo sơ kết): so với đánh giá của năm đó — the window's end date (e.g. the review directive's): the assessment of that year is compared.",
  })
  until?: string | null;
}

@InputType('RecognisedTierInput', { description: 'Được công nhận ở một mức — recognised at a tier.' })
export class RecognisedTierInput {
  @Field(() => RuleTier, { description: 'Mức — tier.' })
  tier!: RuleTier;

  @Field(() => RecognitionWindow, { description: 'Năm xét: năm của đợt, cả giai đoạn, hoặc năm cho trước — which year.' })
  inYear!: RecognitionWindow;

  @Field(() => Int, { nullable: true, description: 'Năm (khi inYear = YEAR) — the year, when inYear is YEAR.' })
  year?: number | null;
}

@InputType('ContributionConditionInput', { description: 'Giá trị đóng góp (đồng) — contribution value in VND, own or mobilised.' })
export class ContributionConditionInput {
  @Field(() => ContributionScope, { description: 'Tự đóng góp hoặc vận động — own or mobilised.' })
  scope!: ContributionScope;

  @Field(() => Float, { description: 'Giá trị tối thiểu (đồng) — minimum value in VND.' })
  minVnd!: number;

  @Field(() => [ClassThresholdInput], { nullable: true, description: 'Giá trị tối thiểu theo phân loại — minimum by unit class.' })
  byClass?: ClassThresholdInput[] | null;

  @Field(() => Float, { nullable: true, description: 'Phần tự đóng góp tối thiểu (MOBILISED) — minimum own share, for MOBILISED.' })
  ownMinVnd?: number | null;

  @Field(() => [ClassThresholdInput], {
    nullable: true,
    description: 'Phần tự đóng góp tối thiểu theo phân loại — minimum own share by unit class.',
  })
  byClassOwnMinVnd?: ClassThresholdInput[] | null;

  @Field(() => [ContributionKind], {
    nullable: true,
    description: 'Chỉ tính các loại đóng góp này (mặc định: mọi loại) — only these kinds count (default: all).',
  })
  kinds?: ContributionKind[] | null;

  @Field(() => [ContributionKind], {
    nullable: true,
    description:
      'Phần tự đóng góp chỉ tính các loại này (MOBILISED; Bắc Kạn: đất đai, tài sản) — the own part counts only these kinds (MOBILISED).',
  })
  ownKinds?: ContributionKind[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Tính đến ngày (sớm hơn cuối đợt) — the window's end date, when earlier than the occasion's.",
  })
  until?: string | null;
}

@InputType('UnitClassConditionInput', {
  description: "Đơn vị của đối tượng (hộ, cá nhân: xã, thôn) thuộc một trong các loại — the subject's unit has one of these classes.",
})
export class UnitClassConditionInput {
  @Field(() => [UnitClass], { description: 'Các loại — the classes.' })
  anyOf!: UnitClass[];
}

@InputType('TargetAttainedInput', {
  description:
    "Đơn vị của đối tượng đạt chỉ tiêu của kế hoạch này về chỉ số trong năm của đợt — the subject's unit met this plan's target for a metric in the occasion's year.",
})
export class TargetAttainedInput {
  @Field({ description: 'Mã chỉ số, ví dụ COMMUNES_NTM — metric code.' })
  metric!: string;
}

@InputType('NotAwardedInput', {
  description:
    'Đối tượng chưa được khen ở đợt này trong năm của đợt xét ("trừ trường hợp đã khen trong năm") — the subject holds no award of this occasion in the occasion\'s year.',
})
export class NotAwardedInput {
  @Field(() => AwardOccasion, { description: 'Đợt — the occasion (ANNUAL, MID_TERM_REVIEW, FINAL_REVIEW).' })
  occasion!: AwardOccasion;
}

@InputType('PreconditionConditionInput', {
  description: 'Điều kiện có/không ghi nhận cho đối tượng — a yes/no precondition recorded on the subject.',
})
export class PreconditionConditionInput {
  @Field({ description: 'Mã điều kiện, ví dụ NO_CAPITAL_CONSTRUCTION_DEBT — key.' })
  key!: string;

  @Field({ description: 'Diễn giải — label.' })
  label!: string;
}

@InputType('RuleInput', {
  description:
    'Quy tắc: đúng một trong all, any (nhóm lồng nhau) hoặc một điều kiện — a rule: exactly one of all, any (nested groups) or one condition.',
})
export class RuleInput {
  @Field(() => [RuleInput], { nullable: true, description: 'Tất cả đều đạt — all must hold.' })
  all?: RuleInput[] | null;

  @Field(() => [RuleInput], { nullable: true, description: 'Ít nhất một đạt — at least one must hold.' })
  any?: RuleInput[] | null;

  @Field(() => NewlyMetCriteriaInput, { nullable: true, description: 'Tiêu chí đạt mới — criteria newly met.' })
  newlyMetCriteria?: NewlyMetCriteriaInput | null;

  @Field(() => RecognisedTierInput, { nullable: true, description: 'Được công nhận — recognised at a tier.' })
  recognisedTier?: RecognisedTierInput | null;

  @Field(() => ContributionConditionInput, { nullable: true, description: 'Đóng góp — contributions.' })
  contribution?: ContributionConditionInput | null;

  @Field(() => PreconditionConditionInput, { nullable: true, description: 'Điều kiện có/không — a precondition.' })
  precondition?: PreconditionConditionInput | null;

  @Field(() => UnitClassConditionInput, { nullable: true, description: 'Loại đơn vị — a unit class.' })
  unitClass?: UnitClassConditionInput | null;

  @Field(() => TargetAttainedInput, { nullable: true, description: "Đạt chỉ tiêu của kế hoạch — the plan's target met." })
  targetAttained?: TargetAttainedInput | null;

  @Field(() => NotAwardedInput, { nullable: true, description: 'Chưa được khen trong năm — not already awarded in the year.' })
  notAwarded?: NotAwardedInput | null;
}

const classes = (list: ClassThresholdInput[] | null | undefined, path: string) => {
  if (list == null) return undefined;
  const map: Record<string, number> = {};
  for (const [i, { unitClass, value }] of list.entries()) {
    if (unitClass in map) throw new RuleError(`${path}[${i}].unitClass`, `phân loại ${unitClass} lặp lại`, `class ${unitClass} repeated`);
    map[unitClass] = value;
  }
  return map;
};

const defined = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null));

/** The stored JSON form of a typed rule (checked afterwards by parseRule). */
export function ruleFromInput(input: RuleInput, path = 'rule'): unknown {
  const set = Object.entries(input).filter(([, v]) => v !== undefined && v !== null);
  if (set.length !== 1) {
    throw new RuleError(
      path,
      'phải có đúng một trong all, any, newlyMetCriteria, recognisedTier, contribution, precondition, unitClass, targetAttained, notAwarded',
      'must have exactly one of all, any, newlyMetCriteria, recognisedTier, contribution, precondition, unitClass, targetAttained, notAwarded',
    );
  }
  const key = set[0][0] as keyof RuleInput;
  switch (key) {
    case 'all':
    case 'any':
      return { [key]: input[key]!.map((item, i) => ruleFromInput(item, `${path}.${key}[${i}]`)) };
    case 'newlyMetCriteria': {
      const value = input.newlyMetCriteria!;
      return {
        newlyMetCriteria: defined({
          ...value,
          byClass: classes(value.byClass, `${path}.newlyMetCriteria.byClass`),
          ifAwardedAt: value.ifAwardedAt ? { ...value.ifAwardedAt } : undefined,
        }),
      };
    }
    case 'recognisedTier': {
      const value = input.recognisedTier!;
      if ((value.inYear === RecognitionWindow.YEAR) !== (value.year != null)) {
        throw new RuleError(
          `${path}.recognisedTier.year`,
          'year bắt buộc khi và chỉ khi inYear = YEAR',
          'year is required exactly when inYear is YEAR',
        );
      }
      return { recognisedTier: { tier: value.tier, inYear: value.inYear === RecognitionWindow.YEAR ? value.year : value.inYear } };
    }
    case 'contribution': {
      const value = input.contribution!;
      return {
        contribution: defined({
          ...value,
          byClass: classes(value.byClass, `${path}.contribution.byClass`),
          byClassOwnMinVnd: classes(value.byClassOwnMinVnd, `${path}.contribution.byClassOwnMinVnd`),
        }),
      };
    }
    case 'unitClass':
    case 'targetAttained':
    case 'notAwarded':
    case 'precondition':
      return { [key]: { ...input[key] } };
    default:
      throw new RuleError(`${path}.${key}`, `trường không được hỗ trợ "${key}"`, `unknown field "${key}"`);
  }
}
