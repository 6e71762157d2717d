import type { SubgraphModule } from '../shared/subgraph-module.js';
import { Migration20261122000000_units } from './migrations/Migration20261122000000_units.js';
import { Migration20270108000000_placeholders } from './migrations/Migration20270108000000_placeholders.js';
import { AdministrativeUnit, UnitLineage } from './unit.entity.js';
import { UnitClassification } from './unit-classification.entity.js';
import { UnitFieldsResolver } from './unit-fields.resolver.js';
import { resolveUnitReference } from './unit.reference.js';
import { UnitResolver } from './unit.resolver.js';
import { seedUnits } from './unit.seed.js';

/** Đơn vị hành chính — the administrative hierarchy before and after 1 July 2025, with lineage and classifications. */
export const unitsSubgraph: SubgraphModule = {
  name: 'units',
  dbSchema: 'units',
  entities: [AdministrativeUnit, UnitLineage, UnitClassification],
  migrations: [
    { name: 'Migration20261122000000_units', class: Migration20261122000000_units },
    { name: 'Migration20270108000000_placeholders', class: Migration20270108000000_placeholders },
  ],
  resolvers: [UnitResolver, UnitFieldsResolver],
  referenceResolvers: { AdministrativeUnit: resolveUnitReference },
  seed: seedUnits,
};
