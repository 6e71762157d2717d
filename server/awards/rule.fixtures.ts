/**
 * A final-review condition as the plans word it, for the rule specs: at least 5 criteria newly met since 2021,
 * including 10 and 11; 4 for an especially disadvantaged commune; 2 since 2023 for one awarded at the mid-term review.
 */
export const finalReviewCondition = {
  newlyMetCriteria: {
    baseYear: 2021,
    min: 5,
    includeAll: [10, 11],
    byClass: { ESPECIALLY_DISADVANTAGED: 4 },
    ifAwardedAt: { occasion: 'MID_TERM_REVIEW', year: 2023, min: 2, countSince: 2023 },
  },
};
