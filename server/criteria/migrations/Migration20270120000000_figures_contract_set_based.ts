import { Migration } from '@mikro-orm/migrations';
import { figuresContractV1Sql } from '../../shared/figures-contract.js';

/**
 * The figures contract's version 1 with a set-based body (server/shared/figures-contract.ts): the same columns and
 * figures, read by joining every asked unit and year at once instead of one lateral lookup per key, which made the
 * insights rebuild at first start take seconds for the 86,540 commune and village years of the demo data.
 * `CREATE OR REPLACE` keeps the function insights' `fact_values` depends on.
 */
export class Migration20270120000000_figures_contract_set_based extends Migration {
  override async up(): Promise<void> {
    this.addSql(figuresContractV1Sql);
  }
}
