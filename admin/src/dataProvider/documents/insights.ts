import { graphqlDocument } from './document';

const FIGURES = `actual valueUnit count share numerator denominator unitsWithData unitsInScope coverage partial
  target targetMax targetUnit targetComparator targetActual gap onTrack note`;
const CLASS_TARGETS = 'classTargets { unitClass communes actual valueUnit target targetComparator gap onTrack note }';

export const INSIGHT_METRICS = graphqlDocument('query InsightMetrics { insightMetrics { code name nameEn defaultUnit better } }');
export const COMPARE =
  graphqlDocument(`query Compare($input: CompareInput!) { compare(input: $input) { asOf notes unitCount rows { unitCode unitName unitLevel metric year rank approximate ${FIGURES}
  ${CLASS_TARGETS} } } }`);
export const PROGRESS = graphqlDocument(`query Progress($unitCode: String!, $metric: String!, $fromYear: Int!, $toYear: Int!, $asOf: Date) {
  progress(unitCode: $unitCode, metric: $metric, fromYear: $fromYear, toYear: $toYear, asOf: $asOf) { year approximate ${FIGURES}
  ${CLASS_TARGETS} } }`);
