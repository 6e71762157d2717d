import { Migration } from '@mikro-orm/migrations';

/**
 * Criteria schema: sets (national and derived), criteria, indicators, thresholds; assessments with their results,
 * indicator values and change history; recognition decisions. Units are referred to by id only (federation key).
 */
export class Migration20261201000000_criteria extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE criteria.criteria_set (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name_vi text NOT NULL,
      name_en text,
      tier text NOT NULL CHECK (tier IN ('STANDARD','ADVANCED','MODEL')),
      applies_to text NOT NULL CHECK (applies_to IN ('COMMUNE','DISTRICT','VILLAGE')),
      period_start date NOT NULL,
      period_end date NOT NULL,
      legal_number text,
      legal_date date,
      legal_issuer text,
      legal_title text,
      owner_unit_id integer NOT NULL,
      parent_id integer REFERENCES criteria.criteria_set (id),
      -- the set at the top of the derivation chain, which holds the criteria (itself for a national set)
      root_id integer NOT NULL REFERENCES criteria.criteria_set (id),
      synthetic boolean NOT NULL DEFAULT false,
      source text,
      note text,
      version integer NOT NULL DEFAULT 1,
      CHECK (period_start <= period_end)
    )`);
    this.addSql('CREATE INDEX criteria_set_parent_idx ON criteria.criteria_set (parent_id)');
    this.addSql('CREATE INDEX criteria_set_root_idx ON criteria.criteria_set (root_id)');
    this.addSql('CREATE INDEX criteria_set_owner_idx ON criteria.criteria_set (owner_unit_id)');
    // Criteria belong to a root set; derived sets inherit them.
    this.addSql(`CREATE TABLE criteria.criterion (
      id serial PRIMARY KEY,
      set_id integer NOT NULL REFERENCES criteria.criteria_set (id),
      number integer NOT NULL CHECK (number > 0),
      name_vi text NOT NULL,
      name_en text,
      source text,
      UNIQUE (set_id, number)
    )`);
    // An indicator belongs to a criterion and to the set that added it (the criterion's set, or a derived set).
    this.addSql(`CREATE TABLE criteria.indicator (
      id serial PRIMARY KEY,
      criterion_id integer NOT NULL REFERENCES criteria.criterion (id),
      set_id integer NOT NULL REFERENCES criteria.criteria_set (id),
      code text NOT NULL,
      name_vi text NOT NULL,
      name_en text,
      unit_of_measure text,
      comparator text NOT NULL CHECK (comparator IN ('GT','GTE','EQ','LTE','LT','BOOL')),
      source text,
      UNIQUE (set_id, code)
    )`);
    this.addSql('CREATE INDEX indicator_criterion_idx ON criteria.indicator (criterion_id)');
    this.addSql(`CREATE TABLE criteria.threshold (
      id serial PRIMARY KEY,
      indicator_id integer NOT NULL REFERENCES criteria.indicator (id),
      set_id integer NOT NULL REFERENCES criteria.criteria_set (id),
      owner_unit_id integer NOT NULL,
      value double precision NOT NULL,
      unit_class text,
      region text,
      commune_group integer CHECK (commune_group IN (1, 2, 3)),
      year integer,
      source text,
      version integer NOT NULL DEFAULT 1
    )`);
    // One threshold per indicator, set, owner and combination of conditions (NULLs count as equal).
    this.addSql(
      `CREATE UNIQUE INDEX threshold_key ON criteria.threshold (indicator_id, set_id, owner_unit_id, unit_class, region, commune_group, year) NULLS NOT DISTINCT`,
    );
    this.addSql('CREATE INDEX threshold_set_idx ON criteria.threshold (set_id)');

    this.addSql(`CREATE TABLE criteria.assessment (
      id serial PRIMARY KEY,
      unit_id integer NOT NULL,
      set_id integer NOT NULL REFERENCES criteria.criteria_set (id),
      year integer NOT NULL,
      synthetic boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_id, set_id, year)
    )`);
    this.addSql('CREATE INDEX assessment_set_year_idx ON criteria.assessment (set_id, year)');
    this.addSql(`CREATE TABLE criteria.assessment_result (
      assessment_id integer NOT NULL REFERENCES criteria.assessment (id) ON DELETE CASCADE,
      criterion_number integer NOT NULL,
      met boolean NOT NULL,
      evaluated_met boolean,
      override_reason text,
      PRIMARY KEY (assessment_id, criterion_number)
    )`);
    this.addSql(`CREATE TABLE criteria.assessment_indicator_value (
      assessment_id integer NOT NULL REFERENCES criteria.assessment (id) ON DELETE CASCADE,
      indicator_id integer NOT NULL REFERENCES criteria.indicator (id),
      criterion_number integer NOT NULL,
      value double precision,
      evidence text,
      threshold_id integer REFERENCES criteria.threshold (id),
      threshold_value double precision,
      passed boolean,
      PRIMARY KEY (assessment_id, indicator_id)
    )`);
    this.addSql(`CREATE TABLE criteria.assessment_change (
      id serial PRIMARY KEY,
      assessment_id integer NOT NULL REFERENCES criteria.assessment (id) ON DELETE CASCADE,
      changed_at timestamptz NOT NULL DEFAULT now(),
      user_id integer,
      username text,
      before jsonb,
      after jsonb NOT NULL
    )`);
    this.addSql('CREATE INDEX assessment_change_assessment_idx ON criteria.assessment_change (assessment_id, id)');

    this.addSql(`CREATE TABLE criteria.recognition_decision (
      id serial PRIMARY KEY,
      unit_id integer NOT NULL,
      tier text NOT NULL CHECK (tier IN ('NTM','ADVANCED','MODEL','NTM_TASKS_COMPLETED','NTM_VILLAGE','MODEL_VILLAGE')),
      decision_number text NOT NULL,
      decided_on date NOT NULL,
      issuing_unit_id integer NOT NULL,
      set_id integer REFERENCES criteria.criteria_set (id),
      revoked_on date,
      revocation_reason text,
      synthetic boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      UNIQUE (unit_id, tier, decision_number),
      CHECK (revoked_on IS NULL OR (revoked_on >= decided_on AND revocation_reason IS NOT NULL))
    )`);
    this.addSql('CREATE INDEX recognition_unit_idx ON criteria.recognition_decision (unit_id, decided_on)');
  }
}
