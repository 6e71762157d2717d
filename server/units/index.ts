import type { SubgraphModule } from '../shared/subgraph-module.js';
import { classificationImport } from './classification.import.js';
import { Migration20261122000000_units } from './migrations/Migration20261122000000_units.js';
import { Migration20261205000000_map_changes } from './migrations/Migration20261205000000_map_changes.js';
import { Migration20270108000000_placeholders } from './migrations/Migration20270108000000_placeholders.js';
import { Reorganisation } from './reorganisation.entity.js';
import { ReorganisationResolver } from './reorganisation.resolver.js';
import { AdministrativeUnit, UnitLineage } from './unit.entity.js';
import { UnitClassification } from './unit-classification.entity.js';
import { UnitFieldsResolver } from './unit.fields.resolver.js';
import { resolveUnitReference } from './units.reference.js';
import { UnitResolver } from './unit.resolver.js';
import { seedUnits } from './units.seed.js';
import { villageImport } from './village.import.js';
import { VillageResolver } from './village.resolver.js';

/** Đơn vị hành chính — the administrative hierarchy before and after 1 July 2025, villages, lineage, classifications and recorded reorganisations. */
export const unitsSubgraph: SubgraphModule = {
  name: 'units',
  dbSchema: 'units',
  unaudited: {
    map_revision: "derived: the map's revision counter, moved by triggers on audited writes to units",
    unit_removed: 'derived: ids of units removed, kept by triggers for readers of unitChanges',
  },
  entities: [AdministrativeUnit, UnitLineage, UnitClassification, Reorganisation],
  migrations: [
    { name: 'Migration20261122000000_units', class: Migration20261122000000_units },
    { name: 'Migration20261205000000_map_changes', class: Migration20261205000000_map_changes },
    { name: 'Migration20270108000000_placeholders', class: Migration20270108000000_placeholders },
  ],
  resolvers: [UnitResolver, UnitFieldsResolver, VillageResolver, ReorganisationResolver],
  referenceResolvers: { AdministrativeUnit: resolveUnitReference },
  seed: seedUnits,
  imports: [villageImport, classificationImport],
};
