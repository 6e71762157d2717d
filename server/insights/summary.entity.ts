import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Tổng hợp theo đơn vị và năm — one unit's figures in one year, kept by the triggers (see the migration). Read with
 * set-based SQL by the service; mapped here so the ORM knows the schema's main table.
 */
@Entity({ tableName: 'summary' })
export class UnitYearSummary {
  @PrimaryKey()
  unitId!: number;

  @PrimaryKey()
  year!: number;

  @Property() communes!: number;
  @Property() villages!: number;
  @Property() assessed!: number;
  @Property() criteriaMet!: number;
  @Property({ fieldName: 'under_15' }) under15!: number;
  @Property() ntm!: number;
  @Property() advanced!: number;
  @Property() model!: number;
  @Property() modelVillages!: number;
  @Property() ntmVillages!: number;
  @Property() villagesAssessed!: number;
  @Property() villageCriteriaMet!: number;
  @Property() communesWithData!: number;
  @Property() villagesWithData!: number;
  @Property() approximateCommunes!: number;
}
