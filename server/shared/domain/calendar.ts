/**
 * Dates the programme's figures are read at. Unit codes are reused across the 1 July 2025 reorganisation, so a
 * year's units are read on its reference date, 30 June — for 2025 the last day of the units the 2021–2025 records
 * were kept under.
 */
export const referenceDate = (year: number): string => `${year}-06-30`;

/** The last day of a year: recognitions and awards "in" a year are those decided by then. */
export const yearEnd = (year: number): string => `${year}-12-31`;

/** The calendar year of an ISO date. */
export const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

/**
 * The year a target is due: its own, or the last year of its campaign's period (a target stated "by the end of the
 * period").
 */
export const effectiveYear = (target: { year?: number | null }, period: { periodEnd: string }): number =>
  target.year ?? yearOf(period.periodEnd);

/** Formats an ISO date the Vietnamese way, dd/mm/yyyy. */
export const dmy = (isoDate: string): string => isoDate.split('-').reverse().join('/');
