import { graphqlDocument, listDocument } from './document';

const TARGET_FIELDS = `id key yearFrom year comparator valueUnit value valueMin valueMax numerator denominator denominatorBasis basisNote unitClass
  isIncrement incrementOver status quote note source version unit { id code name level } metric { code nameVi nameEn kind unitOfMeasure }
  campaign { id name periodStart periodEnd issuer { id path } }`;

export const TARGET_LIST = listDocument('targets', 'TargetFilter', 'TargetOrderField', TARGET_FIELDS);
export const TARGET = graphqlDocument(`query Target($id: ID!) { target(id: $id) { ${TARGET_FIELDS} } }`);
export const CREATE_TARGET = graphqlDocument(
  `mutation Create($input: CreateTargetInput!) { createTarget(input: $input) { ${TARGET_FIELDS} } }`,
);
export const UPDATE_TARGET = graphqlDocument(
  `mutation Update($id: ID!, $v: Int!, $input: UpdateTargetInput!) { updateTarget(id: $id, expectedVersion: $v, input: $input) { ${TARGET_FIELDS} } }`,
);
export const DELETE_TARGET = graphqlDocument('mutation Delete($id: ID!, $v: Int!) { deleteTarget(id: $id, expectedVersion: $v) }');

const METRIC_FIELDS = 'code nameVi nameEn unitOfMeasure kind aggregation computable appliesTo';
export const METRIC_LIST = listDocument('metrics', 'MetricFilter', 'MetricOrderField', METRIC_FIELDS);
export const METRIC = graphqlDocument(`query Metric($code: String!) { metric(code: $code) { ${METRIC_FIELDS} } }`);
