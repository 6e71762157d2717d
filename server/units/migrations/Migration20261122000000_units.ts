import { Migration } from '@mikro-orm/migrations';

/** Units schema: the hierarchy with validity and ltree paths, lineage, classifications. */
export class Migration20261122000000_units extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE units.unit (
      id integer PRIMARY KEY,
      code varchar(10) NOT NULL,
      name text COLLATE "vi-x-icu" NOT NULL,
      short_name text COLLATE "vi-x-icu" NOT NULL,
      level text NOT NULL CHECK (level IN ('NATION','PROVINCE','DISTRICT','COMMUNE','VILLAGE')),
      kind text NOT NULL,
      parent_id integer REFERENCES units.unit (id),
      path public.ltree NOT NULL,
      valid_from date,
      valid_to date,
      search_text text GENERATED ALWAYS AS (public.ntm_fold(name)) STORED,
      CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
    )`);
    this.addSql('CREATE INDEX unit_code_idx ON units.unit (code)');
    this.addSql('CREATE INDEX unit_parent_idx ON units.unit (parent_id)');
    this.addSql('CREATE INDEX unit_level_idx ON units.unit (level, code)');
    this.addSql('CREATE INDEX unit_path_gist ON units.unit USING gist (path)');
    this.addSql('CREATE INDEX unit_search_trgm ON units.unit USING gin (search_text public.gin_trgm_ops)');
    // Units created through the API (villages) take ids above every seeded id.
    this.addSql('CREATE SEQUENCE units.unit_api_id_seq START 10000000');
    this.addSql(`CREATE TABLE units.unit_lineage (
      id serial PRIMARY KEY,
      successor_id integer NOT NULL REFERENCES units.unit (id),
      predecessor_id integer NOT NULL REFERENCES units.unit (id),
      share text NOT NULL CHECK (share IN ('FULL','PARTIAL')),
      UNIQUE (successor_id, predecessor_id)
    )`);
    this.addSql('CREATE INDEX unit_lineage_predecessor_idx ON units.unit_lineage (predecessor_id)');
    this.addSql(`CREATE TABLE units.unit_classification (
      id serial PRIMARY KEY,
      unit_id integer NOT NULL REFERENCES units.unit (id),
      scheme text NOT NULL,
      value varchar(30),
      valid_from date,
      valid_to date,
      source text,
      CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
    )`);
    this.addSql('CREATE INDEX unit_classification_unit_idx ON units.unit_classification (unit_id, scheme)');
  }
}
