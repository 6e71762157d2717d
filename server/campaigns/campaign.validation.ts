/**
 * The pure rules of campaigns and targets: no database, no context. Services call them before writing; the
 * seed loader goes through the same services, so seeds obey the same rules as the API.
 */
import { tierRank, yearOf } from '../shared/domain/index.js';
import { badInput } from '../shared/errors.js';
import { isValidOn, isWithin, type UnitInfo } from '../shared/unit-directory.js';
import {
  Comparator,
  IncrementBasis,
  MetricKind,
  Recurrence,
  TargetValueUnit,
  UnitStatus,
  type DenominatorBasis,
  type UnitClass,
} from './campaigns.enums.js';

export interface Period {
  periodStart: string;
  periodEnd: string;
}

/** The fields of a target the rules look at (an input merged over the stored record). */
export interface TargetShape {
  yearFrom?: number | null;
  year?: number | null;
  comparator: Comparator;
  valueUnit: TargetValueUnit;
  value?: number | null;
  valueMin?: number | null;
  valueMax?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** How many records the figure was counted from. */
  datasetCount?: number | null;
  denominatorBasis?: DenominatorBasis | null;
  unitClass?: UnitClass | null;
  isIncrement: boolean;
  incrementOver?: IncrementBasis | null;
  status?: UnitStatus | null;
}

const given = (value: unknown) => value !== null && value !== undefined;
/** The value units a metric of each kind is targeted in: a count also as a share of a stated denominator. */
const VALUE_UNITS: Record<MetricKind, TargetValueUnit[]> = {
  [MetricKind.COUNT]: [TargetValueUnit.COUNT, TargetValueUnit.PERCENT],
  [MetricKind.SHARE]: [TargetValueUnit.PERCENT],
  [MetricKind.AVERAGE]: [TargetValueUnit.METRIC],
  [MetricKind.VALUE]: [TargetValueUnit.METRIC],
  [MetricKind.STATUS]: [TargetValueUnit.NONE],
};

export function checkPeriod(period: Period): void {
  if (period.periodStart > period.periodEnd) {
    throw badInput('Ngày bắt đầu giai đoạn phải trước ngày kết thúc', 'periodStart must not be after periodEnd', 'periodEnd');
  }
}

/** A child campaign's period lies within its parent's. */
export function checkChildPeriod(child: Period, parent: Period): void {
  if (child.periodStart < parent.periodStart || child.periodEnd > parent.periodEnd) {
    throw badInput(
      `Giai đoạn ${child.periodStart} – ${child.periodEnd} phải nằm trong giai đoạn của phong trào cấp trên (${parent.periodStart} – ${parent.periodEnd})`,
      `The period must lie within the parent campaign's (${parent.periodStart} – ${parent.periodEnd})`,
      'periodStart',
    );
  }
}

/** A child campaign is issued by a unit strictly below its parent's issuer. */
export function checkChildIssuer(issuer: UnitInfo, parentIssuer: UnitInfo): void {
  if (issuer.id === parentIssuer.id || !isWithin(issuer, parentIssuer)) {
    throw badInput(
      `Đơn vị ban hành ${issuer.name} phải là đơn vị cấp dưới của ${parentIssuer.name} (đơn vị ban hành phong trào cấp trên)`,
      `The issuer ${issuer.name} must lie strictly below the parent campaign's issuer ${parentIssuer.name}`,
      'issuerCode',
    );
  }
}

/** A unit (issuer or target unit) is valid for at least part of the campaign period. */
export function checkValidInPeriod(unit: UnitInfo, period: Period, field: string): void {
  if (!isValidOn(unit, period.periodStart, period.periodEnd)) {
    throw badInput(
      `Đơn vị ${unit.name} không có hiệu lực trong giai đoạn ${period.periodStart} – ${period.periodEnd}`,
      `Unit ${unit.name} is not valid during the period ${period.periodStart} – ${period.periodEnd}`,
      field,
    );
  }
}

/** A target's unit is the issuer or lies below it, and is valid for at least part of the campaign period. */
export function checkTargetUnit(unit: UnitInfo, issuer: UnitInfo, period: Period): void {
  if (!isWithin(unit, issuer)) {
    throw badInput(
      `Đơn vị ${unit.name} không thuộc ${issuer.name}`,
      `Unit ${unit.name} does not lie within the issuer ${issuer.name}`,
      'unitCode',
    );
  }
  checkValidInPeriod(unit, period, 'unitCode');
}

/** Checks a target's values against its metric's kind and the campaign period; throws BAD_USER_INPUT on the first breach. */
export function checkTarget(target: TargetShape, metricKind: MetricKind, period: Period): void {
  const [first, last] = [yearOf(period.periodStart), yearOf(period.periodEnd)];
  for (const field of ['yearFrom', 'year'] as const) {
    const year = target[field];
    if (given(year) && (!Number.isInteger(year) || year! < first || year! > last)) {
      throw badInput(
        `Năm ${year} nằm ngoài giai đoạn ${first}–${last}`,
        `${field} ${year} lies outside the campaign period ${first}–${last}`,
        field,
      );
    }
  }
  if (given(target.yearFrom) && (!given(target.year) || target.yearFrom! > target.year!)) {
    throw badInput(
      'Năm bắt đầu phải có năm kết thúc và không sau năm kết thúc',
      'yearFrom needs a year and must not be after it',
      'yearFrom',
    );
  }
  for (const field of ['numerator', 'denominator', 'datasetCount'] as const) {
    const n = target[field];
    if (given(n) && (!Number.isInteger(n) || n! < 0)) {
      throw badInput(`${field} phải là số nguyên không âm`, `${field} must be a non-negative integer`, field);
    }
  }
  if (given(target.numerator) && given(target.denominator) && target.denominator! < target.numerator!) {
    throw badInput(
      `Mẫu số (${target.denominator}) phải lớn hơn hoặc bằng tử số (${target.numerator})`,
      `denominator (${target.denominator}) must be at least the numerator (${target.numerator})`,
      'denominator',
    );
  }
  if (given(target.valueMin) !== given(target.valueMax)) {
    throw badInput(
      'Khoảng giá trị cần cả cận dưới và cận trên',
      'A range needs both valueMin and valueMax',
      given(target.valueMin) ? 'valueMax' : 'valueMin',
    );
  }
  if (given(target.valueMin) && target.valueMin! > target.valueMax!) {
    throw badInput('Cận dưới phải nhỏ hơn hoặc bằng cận trên', 'valueMin must not exceed valueMax', 'valueMin');
  }
  if (!VALUE_UNITS[metricKind].includes(target.valueUnit)) {
    throw badInput(
      `Chỉ số loại ${metricKind} tính bằng ${VALUE_UNITS[metricKind].join(' hoặc ')}`,
      `A ${metricKind} metric is targeted in ${VALUE_UNITS[metricKind].join(' or ')}, not ${target.valueUnit}`,
      'valueUnit',
    );
  }
  const hasValue = given(target.value);
  const hasRange = given(target.valueMin);
  if (metricKind === MetricKind.STATUS) {
    if (!given(target.status)) throw badInput('Chỉ tiêu trạng thái cần nêu trạng thái', 'A status target needs a status', 'status');
    if (hasValue || hasRange) throw badInput('Chỉ tiêu trạng thái không có giá trị số', 'A status target takes no value or range', 'value');
  } else {
    if (given(target.status)) throw badInput('Trạng thái chỉ dùng cho chỉ số trạng thái', 'status is only for status metrics', 'status');
    if (hasValue === hasRange) {
      throw badInput('Cần đúng một trong hai: giá trị hoặc khoảng giá trị', 'Give exactly one of value or valueMin/valueMax', 'value');
    }
  }
  const values = [target.value, target.valueMin, target.valueMax].filter(given) as number[];
  if (target.valueUnit === TargetValueUnit.PERCENT && values.some((v) => v < 0 || v > 100)) {
    throw badInput('Tỷ lệ phải từ 0 đến 100', 'A percentage lies between 0 and 100', 'value');
  }
  if (target.valueUnit === TargetValueUnit.COUNT && values.some((v) => v < 0 || !Number.isInteger(v))) {
    throw badInput('Số lượng phải là số nguyên không âm', 'A count is a non-negative integer', 'value');
  }
  if (target.isIncrement !== given(target.incrementOver)) {
    throw badInput(
      'Chỉ tiêu tăng thêm cần nêu mốc so sánh (và chỉ nó)',
      'incrementOver is set exactly when isIncrement is true',
      'incrementOver',
    );
  }
}

/** The fields of a milestone the rules look at. */
export interface MilestoneShape {
  recurrence: Recurrence;
  year?: number | null;
  deadline?: string | null;
  deadlineDay?: number | null;
  deadlineMonth?: number | null;
  description: string;
}

/** A one-off milestone has a year or a date in the period; a recurring one may have a day-month deadline instead. */
export function checkMilestone(milestone: MilestoneShape, period: Period): void {
  const [first, last] = [yearOf(period.periodStart), yearOf(period.periodEnd)];
  if (!milestone.description.trim()) throw badInput('Mô tả không được để trống', 'description must not be empty', 'description');
  if (given(milestone.year) && (!Number.isInteger(milestone.year) || milestone.year! < first || milestone.year! > last)) {
    throw badInput(
      `Năm ${milestone.year} nằm ngoài giai đoạn ${first}–${last}`,
      `year ${milestone.year} lies outside the campaign period`,
      'year',
    );
  }
  if (given(milestone.deadline)) {
    const year = yearOf(milestone.deadline!);
    if (year < first || year > last)
      throw badInput('Hạn chót nằm ngoài giai đoạn', 'deadline lies outside the campaign period', 'deadline');
    if (given(milestone.year) && year !== milestone.year)
      throw badInput('Hạn chót không thuộc năm của mốc', "deadline is not in the milestone's year", 'deadline');
  }
  if (given(milestone.deadlineDay) !== given(milestone.deadlineMonth)) {
    throw badInput('Hạn chót hàng năm cần cả ngày và tháng', 'A recurring deadline needs deadlineDay and deadlineMonth', 'deadlineDay');
  }
  if (given(milestone.deadlineDay)) {
    if (milestone.recurrence === Recurrence.ONCE) {
      throw badInput(
        'Mốc một lần dùng hạn chót theo ngày (deadline)',
        'A one-off milestone takes a deadline date, not a day and month',
        'deadlineDay',
      );
    }
    // A leap year, so that 29/2 is a real day-month.
    const date = new Date(Date.UTC(2024, milestone.deadlineMonth! - 1, milestone.deadlineDay!));
    if (
      !Number.isInteger(milestone.deadlineDay) ||
      !Number.isInteger(milestone.deadlineMonth) ||
      date.getUTCMonth() !== milestone.deadlineMonth! - 1 ||
      date.getUTCDate() !== milestone.deadlineDay
    ) {
      throw badInput(
        `Ngày ${milestone.deadlineDay}/${milestone.deadlineMonth} không hợp lệ`,
        'deadlineDay/deadlineMonth is not a real day of the year',
        'deadlineDay',
      );
    }
  }
}

/** The bound a target sets on the actual value: the value, or the end of its range that the comparator makes binding. */
function bound(target: TargetShape): number | null {
  if (given(target.value)) return target.value!;
  if (!given(target.valueMin)) return null;
  return target.comparator === Comparator.LT || target.comparator === Comparator.LTE ? target.valueMax! : target.valueMin!;
}

const isLower = (c: Comparator) => c === Comparator.GT || c === Comparator.GTE;
const isUpper = (c: Comparator) => c === Comparator.LT || c === Comparator.LTE;

/**
 * Whether a child campaign's target asks less than the parent's for the same unit, metric and year: a lower
 * minimum, a higher maximum, a lower status. Targets in different terms (count vs %, other class) are not compared.
 */
export function isWeaker(parent: TargetShape, child: TargetShape): boolean {
  if (
    parent.valueUnit !== child.valueUnit ||
    parent.isIncrement !== child.isIncrement ||
    (parent.unitClass ?? null) !== (child.unitClass ?? null)
  )
    return false;
  if (given(parent.status) && given(child.status)) return tierRank(child.status!) < tierRank(parent.status!);
  const [p, c] = [bound(parent), bound(child)];
  if (p === null || c === null) return false;
  if (isLower(parent.comparator) || (parent.comparator === Comparator.EQ && isLower(child.comparator))) {
    if (!isLower(child.comparator) && child.comparator !== Comparator.EQ) return true;
    return c < p || (c === p && parent.comparator === Comparator.GT && child.comparator !== Comparator.GT);
  }
  if (isUpper(parent.comparator)) {
    if (!isUpper(child.comparator) && child.comparator !== Comparator.EQ) return true;
    return c > p || (c === p && parent.comparator === Comparator.LT && child.comparator !== Comparator.LT);
  }
  return c !== p || child.comparator !== Comparator.EQ;
}
