import { Service } from '../shared/service.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { badInput } from '../shared/errors.js';
import { type ListResult, type ListSort, type Page, SortDirection } from '../shared/paging.js';
import { foldText, intArray, searchTerm, type SqlRow } from '../shared/sql.js';
import { referenceDate } from '../shared/domain/calendar.js';
import { isWithin, type UnitInfo } from '../shared/unit-directory.js';
import {
  campaignInfo,
  classificationsOn,
  communeCriteria,
  newlyMetCriteria,
  recognitions,
  subtreeUnitIds,
  targetAttainment,
  type CampaignInfo,
} from './awards.peers.js';
import type { AwardStandard } from './award-standard.entity.js';
import { AwardSubjectType, CONTRIBUTOR_SUBJECTS, EligibilityOrderField, UNIT_SUBJECTS } from './awards.enums.js';
import { AwardSubject } from './nomination.entity.js';
import { assessmentYearsOf, baseYearsOf, conditionsOf, needsOf, type Rule } from './rule.js';
import {
  contributionWindow,
  evaluateRule,
  outcomeLine,
  type ConditionOutcome,
  type ContributionFact,
  type OccasionContext,
  type SubjectFacts,
  type TargetFact,
} from './rule-evaluation.js';
import type { EligibilityFilter } from './standard.input.js';
import { StandardService } from './standard.service.js';
import { subjectView } from './subjects.js';

/** Kết quả một điều kiện — one condition's outcome with the values used. */
@ObjectType('ConditionResult', { description: "Kết quả một điều kiện — one condition's outcome, with the values the hub used." })
export class ConditionResult implements Omit<ConditionOutcome, 'text'> {
  @Field({ description: 'Vị trí trong quy tắc, ví dụ "rule.all[0]" — where the condition sits in the rule.' })
  path!: string;

  @Field({ description: 'Điều kiện — the condition, in words.' })
  description!: string;

  @Field({ description: 'Đạt — passed.' })
  passed!: boolean;

  @Field({ description: 'Giá trị thực tế, ví dụ "4 (Thu nhập, Nghèo đa chiều, Giao thông, Điện)" — the actual value used.' })
  actual!: string;

  @Field({ description: 'Yêu cầu, ví dụ "≥ 4" — what is required.' })
  required!: string;

  @Field({ description: 'Một dòng cho người đọc: điều kiện: thực tế (yêu cầu) ✓/✗ — one line for people.' })
  summary!: string;
}

/** Kết quả xét một đối tượng — whether a candidate meets a standard, and why. */
@ObjectType('EligibilityResult', {
  description: "Kết quả xét một đối tượng theo tiêu chuẩn — whether a candidate meets a standard's rule, condition by condition.",
})
export class EligibilityResult {
  @Field(() => AwardSubject, { description: 'Đối tượng — the candidate.' })
  subject!: AwardSubject;

  @Field({
    description:
      'Đủ điều kiện theo quy tắc (hội đồng vẫn xét phần không đánh giá tự động được) — meets the rule (the council still judges what the rule cannot say).',
  })
  eligible!: boolean;

  @Field(() => [ConditionResult], { description: 'Từng điều kiện — each condition.' })
  conditions!: ConditionResult[];
}

/** Một trang kết quả xét điều kiện — a page of eligibility results, with how many of all the matching ones are eligible. */
@ObjectType('EligibilityResultList', { description: 'Một trang kết quả xét điều kiện — a page of eligibility results.' })
export class EligibilityResultList implements ListResult<EligibilityResult> {
  @Field(() => [EligibilityResult], { description: 'Các kết quả của trang này — the results of this page.' })
  nodes!: EligibilityResult[];

  @Field(() => Int, { description: 'Tổng số đối tượng khớp bộ lọc — how many subjects match the filter in all.' })
  totalCount!: number;

  @Field(() => Int, { description: 'Số đối tượng khớp bộ lọc và đủ điều kiện — how many of those are eligible.' })
  eligibleCount!: number;
}

interface Candidate {
  type: AwardSubjectType;
  unitId: number;
  contributorId: number | null;
  name: string;
  unitPath: string;
}

/** A result with what filtering and sorting read: the subject's unit, and its name only when the caller may see it. */
interface Evaluated {
  result: EligibilityResult;
  unit: UnitInfo | null;
  key: string;
}

const collator = new Intl.Collator('vi');

/** Compares names in Vietnamese order; an absent (hidden) name comes after every present one. */
const byName = (a: string | null, b: string | null) =>
  a === null || b === null ? Number(a === null) - Number(b === null) : collator.compare(a, b);

/** Tiebreaks after the chosen field: name, unit code, then the subject itself, so that pages never overlap. */
const tiebreak = (a: Evaluated, b: Evaluated) =>
  byName(a.result.subject.name, b.result.subject.name) ||
  (a.unit?.code ?? '').localeCompare(b.unit?.code ?? '') ||
  a.key.localeCompare(b.key);

const ORDER: Record<EligibilityOrderField, (a: Evaluated, b: Evaluated) => number> = {
  [EligibilityOrderField.ELIGIBLE]: (a, b) => Number(b.result.eligible) - Number(a.result.eligible),
  [EligibilityOrderField.SUBJECT_NAME]: (a, b) => byName(a.result.subject.name, b.result.subject.name),
  [EligibilityOrderField.UNIT_CODE]: (a, b) => (a.unit?.code ?? '').localeCompare(b.unit?.code ?? ''),
};

/** Computes who qualifies for a standard on an occasion, from assessments, recognitions, contributions and awards. */
export class EligibilityService extends Service {
  /** Every candidate's result, eligible first, then by the name the caller sees (hidden names last, by unit code). */
  async evaluate(standardId: string, year: number): Promise<EligibilityResult[]> {
    return (await this.evaluated(standardId, year)).sort((a, b) => ORDER.ELIGIBLE(a, b) || tiebreak(a, b)).map((e) => e.result);
  }

  /**
   * One page of the results, filtered and sorted on the server after evaluating every candidate. Search and name order
   * read only the names the caller may see, so neither reveals a hidden name.
   */
  async list(
    standardId: string,
    year: number,
    filter: EligibilityFilter,
    page: Page,
    sort: ListSort<EligibilityOrderField>,
  ): Promise<EligibilityResultList> {
    const search = filter.search != null ? foldText(searchTerm(filter.search)) : null;
    const within = filter.withinCode != null ? await this.ctx.units.requireByCode(filter.withinCode, referenceDate(year)) : null;
    const matching = (await this.evaluated(standardId, year)).filter(
      (e) =>
        (filter.eligible == null || e.result.eligible === filter.eligible) &&
        (!within || (e.unit !== null && isWithin(e.unit, within))) &&
        (search === null ||
          [e.result.subject.name, e.unit?.name, e.unit?.code].some((text) => text != null && foldText(text).includes(search))),
    );
    const sign = sort.direction === SortDirection.DESC ? -1 : 1;
    matching.sort((a, b) => sign * ORDER[sort.orderBy](a, b) || tiebreak(a, b));
    return Object.assign(new EligibilityResultList(), {
      nodes: matching.slice(page.offset, page.offset + page.limit).map((e) => e.result),
      totalCount: matching.length,
      eligibleCount: matching.filter((e) => e.result.eligible).length,
    });
  }

  private async evaluated(standardId: string, year: number): Promise<Evaluated[]> {
    const standard = await new StandardService(this.ctx).require(standardId);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw badInput('Năm phải từ 2000 đến 2100', 'year must be 2000–2100', 'year');
    if (standard.year != null && standard.year !== year) {
      throw badInput(`Tiêu chuẩn này dành cho năm ${standard.year}`, `This standard is for ${standard.year}`, 'year');
    }
    if (!standard.rule) {
      throw badInput(
        'Tiêu chuẩn không có quy tắc đánh giá tự động; hội đồng xét theo văn bản',
        'The standard has no evaluable rule: the council judges it from the text',
        'standardId',
      );
    }
    const rule = standard.rule;
    const campaign = await campaignInfo(this.ctx, standard.campaignId);
    const asOf = referenceDate(year);
    const needs = needsOf(rule);
    const criteria = needs.criteria ? await communeCriteria(this.ctx) : null;
    const occasion: OccasionContext = {
      occasion: standard.occasion,
      year,
      periodStart: campaign.periodStart,
      periodEnd: campaign.periodEnd,
      criterionNames: criteria?.names ?? new Map(),
    };
    const candidates = await this.candidates(standard, campaign, asOf, year, rule);
    if (!candidates.length) return [];

    const unitIds = [...new Set(candidates.map((c) => c.unitId))];
    const units = new Map((await this.ctx.units.byIds(unitIds)).filter((u) => u !== null).map((u) => [u.id, u]));
    const ancestorIds = [...new Set(candidates.flatMap((c) => c.unitPath.split('.').map(Number)))];
    const classes = await classificationsOn(this.ctx, ancestorIds, asOf);
    const newlyMet = criteria ? await newlyMetCriteria(this.ctx, criteria.setId, year, unitIds, baseYearsOf(rule)) : new Map();
    const earlier = new Map<number, Awaited<ReturnType<typeof newlyMetCriteria>>>();
    for (const y of criteria ? assessmentYearsOf(rule, year) : [])
      earlier.set(y, await newlyMetCriteria(this.ctx, criteria!.setId, y, unitIds, baseYearsOf(rule)));
    const decisions = needs.recognition ? await recognitions(this.ctx, year, unitIds) : [];
    const contributions = needs.contributions
      ? await this.contributions(standard.campaignId, candidates, contributionWindow(occasion))
      : new Map<number, ContributionFact[]>();
    const targets = needs.targets.length
      ? await targetAttainment(this.ctx, campaign.id, [...units.values()], year, needs.targets)
      : new Map<number, Map<string, TargetFact>>();
    const preconditions = await this.preconditions(candidates, year, rule);
    const awards = await this.awards(candidates);

    const results = await Promise.all(
      candidates.map(async (c) => {
        const key = this.key(c);
        // A household's class is its commune's or village's: every unit from the commune down counts.
        const pathIds = c.unitPath.split('.').map(Number);
        const facts: SubjectFacts = {
          classes: [
            ...new Set(
              pathIds
                .slice(3)
                .concat(c.unitId)
                .flatMap((id) => classes.get(id) ?? []),
            ),
          ],
          newlyMet: newlyMet.get(c.unitId) ?? new Map(),
          newlyMetByYear: new Map([...earlier].map(([y, byUnit]) => [y, byUnit.get(c.unitId) ?? new Map()])),
          recognitions: decisions.filter((d) => d.unitId === c.unitId).map((d) => ({ ...d, tier: d.tier.replace(/_VILLAGE$/, '') })),
          contributions: c.contributorId ? (contributions.get(c.contributorId) ?? []) : [],
          preconditions: preconditions.get(key) ?? new Map(),
          awards: awards.get(key) ?? [],
          targets: c.contributorId ? undefined : targets.get(c.unitId),
        };
        const outcome = evaluateRule(rule, facts, occasion);
        const result = Object.assign(new EligibilityResult(), {
          subject: await subjectView(this.ctx, c.type, c.unitId, c.contributorId, c.name),
          eligible: outcome.passed,
          conditions: outcome.conditions.map((o) => Object.assign(new ConditionResult(), { ...o, summary: outcomeLine(o) })),
        });
        return { result, unit: units.get(c.unitId) ?? null, key };
      }),
    );
    return results;
  }

  private key(c: { unitId: number; contributorId: number | null }): string {
    return c.contributorId ? `c${c.contributorId}` : `u${c.unitId}`;
  }

  /**
   * Units of the standard's level in the issuer's subtree that have facts for the occasion (an assessment in the year
   * for criteria rules, a recognition for tier rules, a precondition or an earlier award); contributors of the
   * standard's kind in the subtree with contributions, preconditions or awards.
   */
  private async candidates(standard: AwardStandard, campaign: CampaignInfo, asOf: string, year: number, rule: Rule): Promise<Candidate[]> {
    const level = UNIT_SUBJECTS[standard.subjectType];
    if (level) {
      const ids = await subtreeUnitIds(this.ctx, campaign.issuer.code, asOf, level);
      if (!ids.length) return [];
      const needs = needsOf(rule);
      const withFacts = new Set<number>();
      if (needs.criteria) {
        const criteria = await communeCriteria(this.ctx);
        for (const id of (await newlyMetCriteria(this.ctx, criteria.setId, year, ids, [])).keys()) withFacts.add(id);
      }
      if (needs.recognition) for (const d of await recognitions(this.ctx, year, ids)) withFacts.add(d.unitId);
      // A target-attainment rule concerns every unit of the level: each has the plan's target or says it has none.
      if (needs.targets.length) for (const id of ids) withFacts.add(id);
      const own = await this.em.execute(
        `SELECT subject_unit_id AS id FROM awards.precondition WHERE subject_contributor_id IS NULL AND year = ? AND subject_unit_id = ANY(?::int[])
        UNION SELECT subject_unit_id FROM awards.award WHERE subject_contributor_id IS NULL AND subject_unit_id = ANY(?::int[])`,
        [year, intArray(ids), intArray(ids)],
      );
      for (const row of own) withFacts.add(Number(row.id));
      const units = (await this.ctx.units.byIds([...withFacts])).filter((u) => u !== null);
      return units.map((u) => ({ type: standard.subjectType, unitId: u.id, contributorId: null, name: u.name, unitPath: u.path }));
    }
    const kind = CONTRIBUTOR_SUBJECTS[standard.subjectType];
    if (!kind) {
      const [vi, en] =
        standard.subjectType === AwardSubjectType.AGENCY ? ['cơ quan, đơn vị', 'agencies'] : ['mọi loại đối tượng', 'any kind of subject'];
      throw badInput(
        `Hub không lập được danh sách ứng viên cho tiêu chuẩn dành cho ${vi}: hội đồng xét theo hồ sơ đề nghị`,
        `The hub cannot list candidates for a standard for ${en}: the council judges the nominations`,
        'standardId',
      );
    }
    const rows: SqlRow[] = await this.em.execute(
      `SELECT p.id, p.name, p.unit_id, p.unit_path::text AS unit_path FROM awards.contributor p
      WHERE p.kind = ? AND p.unit_path <@ ?::public.ltree AND (
        EXISTS (SELECT 1 FROM awards.contribution c WHERE c.campaign_id = ? AND (c.contributor_id = p.id OR c.mobilised_by_id = p.id))
        OR EXISTS (SELECT 1 FROM awards.precondition x WHERE x.subject_contributor_id = p.id AND x.year = ?)
        OR EXISTS (SELECT 1 FROM awards.award a WHERE a.subject_contributor_id = p.id))`,
      [kind, campaign.issuer.path, campaign.id, year],
    );
    return rows.map((r) => ({ type: standard.subjectType, unitId: r.unit_id, contributorId: r.id, name: r.name, unitPath: r.unit_path }));
  }

  /** Each candidate contributor's own contributions and those it mobilised in the window, with kind and date, in one statement. */
  private async contributions(
    campaignId: number,
    candidates: Candidate[],
    window: { from: string; to: string },
  ): Promise<Map<number, ContributionFact[]>> {
    const ids = candidates.map((c) => c.contributorId).filter((id): id is number => id !== null);
    const rows = await this.em.execute(
      `SELECT p.id, c.kind, c.contributed_on::text AS "on", c.value_vnd::float8 AS vnd, c.mobilised_by_id = p.id AS mobilised
      FROM awards.contributor p JOIN awards.contribution c ON c.campaign_id = ? AND c.contributed_on BETWEEN ? AND ? AND (c.contributor_id = p.id OR c.mobilised_by_id = p.id)
      WHERE p.id = ANY(?::int[])`,
      [campaignId, window.from, window.to, intArray(ids)],
    );
    const found = new Map<number, ContributionFact[]>();
    for (const r of rows)
      found.set(r.id, [...(found.get(r.id) ?? []), { kind: r.kind, on: r.on, vnd: Number(r.vnd), mobilised: r.mobilised === true }]);
    return found;
  }

  private async preconditions(candidates: Candidate[], year: number, rule: Rule): Promise<Map<string, Map<string, boolean>>> {
    const keys = conditionsOf(rule).flatMap((c) => ('precondition' in c ? [c.precondition.key] : []));
    const found = new Map<string, Map<string, boolean>>();
    if (!keys.length) return found;
    const rows = await this.em.execute(
      `SELECT subject_unit_id, subject_contributor_id, key, holds FROM awards.precondition WHERE year = ? AND subject_unit_id = ANY(?::int[])`,
      [year, intArray([...new Set(candidates.map((c) => c.unitId))])],
    );
    for (const r of rows) {
      const key = this.key({ unitId: r.subject_unit_id, contributorId: r.subject_contributor_id });
      if (!found.has(key)) found.set(key, new Map());
      found.get(key)!.set(r.key, r.holds);
    }
    return found;
  }

  private async awards(candidates: Candidate[]): Promise<Map<string, { occasion: string; year: number }[]>> {
    const rows = await this.em.execute(
      'SELECT subject_unit_id, subject_contributor_id, occasion, year FROM awards.award WHERE subject_unit_id = ANY(?::int[])',
      [intArray([...new Set(candidates.map((c) => c.unitId))])],
    );
    const found = new Map<string, { occasion: string; year: number }[]>();
    for (const r of rows) {
      const key = this.key({ unitId: r.subject_unit_id, contributorId: r.subject_contributor_id });
      found.set(key, [...(found.get(key) ?? []), { occasion: r.occasion, year: r.year }]);
    }
    return found;
  }
}
