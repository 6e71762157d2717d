import { registerEnumType } from 'type-graphql';

/**
 * Cấp hành chính — level of an administrative unit in the hierarchy. Owned by the units subgraph; other subgraphs
 * (insights) expose the same enum, which federation merges because it is this very definition.
 */
export enum UnitLevel {
  NATION = 'NATION',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
}

registerEnumType(UnitLevel, { name: 'UnitLevel', description: 'Cấp hành chính — level of an administrative unit.' });
