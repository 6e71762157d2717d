import { graphqlDocument, listDocument } from './document';

export const LOGIN = graphqlDocument(`mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt user { username displayName grants { role paths unit { id code name } } } }
}`);

export const CAPABILITIES = graphqlDocument('query Capabilities { capabilities { capability roles scope operations } }');

const USER_FIELDS = 'id username displayName active version createdAt grants { id role unit { id code name } }';

export const USER_LIST = listDocument('users', 'UserFilter', 'UserOrderField', USER_FIELDS);

export const CREATE_USER = graphqlDocument(`mutation Create($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`);

export const SET_USER_ACTIVE = graphqlDocument(
  `mutation Active($id: ID!, $active: Boolean!, $v: Int!) { setUserActive(id: $id, active: $active, expectedVersion: $v) { ${USER_FIELDS} } }`,
);

export const AUDIT_LOG_LIST = listDocument(
  'auditLog',
  'AuditFilter',
  'AuditOrderField',
  'id at username subgraph entity entityId action unitId before after',
);

export const RECENT_CHANGES = graphqlDocument('query RecentChanges { auditLog(limit: 8) { nodes { id at username entity action } } }');
