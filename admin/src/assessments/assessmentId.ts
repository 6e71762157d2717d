/** The key of the assessment of a unit for a set and year (`3:2024:19021`), for reading one (`getOne`) before it has an id. */
export const assessmentId = (setId: string, year: number, unitCode: string) => `${setId}:${year}:${unitCode}`;
