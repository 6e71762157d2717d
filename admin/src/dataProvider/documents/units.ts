import { graphqlDocument, listDocument } from './document';

const UNIT_FIELDS = 'id code name shortName level kind path validFrom validTo synthetic version parent { id code name }';
const UNIT_DETAIL = `${UNIT_FIELDS}
  ancestors { id code name level }
  classifications { id scheme value code validFrom validTo source }
  predecessors { share unit { id code name validFrom validTo } reorganisation { id resolutionNumber effectiveOn } }
  successors { share unit { id code name validFrom validTo } reorganisation { id resolutionNumber effectiveOn } }
  campaigns { id name status periodStart periodEnd }`;

export const UNIT_LIST = listDocument('units', 'UnitFilter', 'UnitOrderField', UNIT_FIELDS);
export const UNIT = graphqlDocument(`query Unit($ids: [ID!]!) { unitsByIds(ids: $ids) { ${UNIT_DETAIL} } }`);
export const UNITS_BY_IDS = graphqlDocument(`query Units($ids: [ID!]!) { unitsByIds(ids: $ids) { ${UNIT_FIELDS} } }`);

/** What the unit picker shows of a unit: where it sits and its period. */
const PICKED_FIELDS = 'id code name level path validFrom validTo ancestors { name level }';
export const PICK_UNITS = graphqlDocument(
  `query Pick($f: UnitFilter) { units(filter: $f, limit: 20, orderBy: NAME) { nodes { ${PICKED_FIELDS} } } }`,
);
export const UNIT_BY_CODE = graphqlDocument(
  `query UnitByCode($f: UnitFilter) { units(filter: $f, limit: 2, orderBy: CODE) { nodes { ${PICKED_FIELDS} } } }`,
);
export const SCOPE_UNIT = graphqlDocument('query ScopeUnit($ids: [ID!]!) { unitsByIds(ids: $ids) { code name path } }');

export const SET_UNIT_CLASSIFICATION = graphqlDocument(
  'mutation Classify($input: SetUnitClassificationInput!) { setUnitClassification(input: $input) { id scheme value validFrom validTo source } }',
);
export const REMOVE_UNIT_CLASSIFICATION = graphqlDocument('mutation Remove($id: ID!) { removeUnitClassification(id: $id) }');

const VILLAGE_FIELDS = 'id code name shortName kind validFrom validTo synthetic version';
export const CREATE_VILLAGE = graphqlDocument(
  `mutation CreateVillage($input: CreateVillageInput!) { createVillage(input: $input) { ${VILLAGE_FIELDS} } }`,
);
export const RENAME_VILLAGE = graphqlDocument(
  `mutation RenameVillage($input: RenameVillageInput!) { renameVillage(input: $input) { ${VILLAGE_FIELDS} } }`,
);
export const CLOSE_VILLAGE = graphqlDocument(
  `mutation CloseVillage($input: CloseVillageInput!) { closeVillage(input: $input) { ${VILLAGE_FIELDS} } }`,
);

const REORGANISATION_FIELDS = `id kind status level effectiveOn resolutionNumber resolutionDate issuer note movedCount recordedAt recordedBy
  withdrawnAt withdrawnBy withdrawalReason version inEffect
  sources { unitId code name share continues } results { unitId code name kind created }`;

/** Reorganisations are ordered by effective date only: the list takes a direction and no order field. */
export const REORGANISATION_LIST =
  graphqlDocument(`query Reorganisations($filter: ReorganisationFilter, $offset: Int, $limit: Int, $direction: SortDirection) {
  page: reorganisations(filter: $filter, offset: $offset, limit: $limit, direction: $direction) { totalCount nodes { ${REORGANISATION_FIELDS} } } }`);
export const REORGANISATION = graphqlDocument(`query Reorganisation($id: ID!) { reorganisation(id: $id) { ${REORGANISATION_FIELDS} } }`);
export const RECORD_REORGANISATION = graphqlDocument(
  `mutation Record($input: RecordReorganisationInput!) { recordReorganisation(input: $input) { ${REORGANISATION_FIELDS} } }`,
);
export const WITHDRAW_REORGANISATION = graphqlDocument(
  `mutation Withdraw($input: WithdrawReorganisationInput!) { withdrawReorganisation(input: $input) { ${REORGANISATION_FIELDS} } }`,
);
