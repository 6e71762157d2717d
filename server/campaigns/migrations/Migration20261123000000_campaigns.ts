import { Migration } from '@mikro-orm/migrations';

/** Campaigns schema: metric catalogue, campaigns with their plan document, targets, milestones, subjects. */
export class Migration20261123000000_campaigns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE campaigns.metric (
      code varchar(60) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
      name_vi text NOT NULL,
      name_en text NOT NULL,
      unit_of_measure text,
      kind text NOT NULL CHECK (kind IN ('COUNT','SHARE','AVERAGE','VALUE','STATUS')),
      aggregation text NOT NULL CHECK (aggregation IN ('SUM','RATIO','MEAN_WEIGHTED','NONE')),
      weighted_by text,
      computable boolean NOT NULL,
      applies_to text NOT NULL,
      reported_at text[] NOT NULL DEFAULT '{}',
      note text
    )`);
    this.addSql(`CREATE TABLE campaigns.campaign (
      id serial PRIMARY KEY,
      key text UNIQUE,
      name text COLLATE "vi-x-icu" NOT NULL,
      name_en text,
      slogan text,
      issuer_unit_id integer NOT NULL,
      issuer_code varchar(10) NOT NULL,
      issuer_unidentified boolean NOT NULL DEFAULT false,
      issuer_note text,
      period_start date NOT NULL,
      period_end date NOT NULL,
      status text NOT NULL CHECK (status IN ('DRAFT','ACTIVE','CLOSED')),
      parent_id integer REFERENCES campaigns.campaign (id),
      note text,
      source text,
      sub_movements jsonb NOT NULL DEFAULT '[]',
      plan_number text,
      plan_date date,
      plan_date_text text,
      plan_title text,
      plan_signer text,
      plan_signer_title text,
      plan_issuing_body text,
      plan_source_file text,
      plan_note text,
      plan_legal_bases jsonb NOT NULL DEFAULT '[]',
      plan_cited_documents jsonb NOT NULL DEFAULT '[]',
      plan_parent_ref jsonb,
      plan_attached_to jsonb,
      plan_cited_by jsonb NOT NULL DEFAULT '[]',
      version integer NOT NULL DEFAULT 1,
      search_text text GENERATED ALWAYS AS (public.ntm_fold(name || ' ' || coalesce(name_en, '') || ' ' || coalesce(slogan, '') || ' ' || coalesce(plan_number, ''))) STORED,
      CHECK (period_start <= period_end)
    )`);
    this.addSql('CREATE INDEX campaign_issuer_idx ON campaigns.campaign (issuer_unit_id)');
    this.addSql('CREATE INDEX campaign_issuer_code_idx ON campaigns.campaign (issuer_code)');
    this.addSql('CREATE INDEX campaign_parent_idx ON campaigns.campaign (parent_id)');
    this.addSql('CREATE INDEX campaign_search_trgm ON campaigns.campaign USING gin (search_text public.gin_trgm_ops)');
    this.addSql(`CREATE TABLE campaigns.target (
      id serial PRIMARY KEY,
      campaign_id integer NOT NULL REFERENCES campaigns.campaign (id) ON DELETE CASCADE,
      key text,
      unit_id integer NOT NULL,
      metric_code varchar(60) NOT NULL REFERENCES campaigns.metric (code),
      year_from integer,
      year integer,
      comparator text NOT NULL CHECK (comparator IN ('GT','GTE','EQ','LTE','LT')),
      value_unit text NOT NULL CHECK (value_unit IN ('COUNT','PERCENT','METRIC','NONE')),
      value double precision,
      value_min double precision,
      value_max double precision,
      numerator integer CHECK (numerator >= 0),
      denominator integer CHECK (denominator >= 0),
      denominator_basis text,
      basis_note text,
      dataset_count integer,
      unit_class text,
      is_increment boolean NOT NULL DEFAULT false,
      increment_over text,
      status text,
      quote text,
      note text,
      source text,
      version integer NOT NULL DEFAULT 1,
      UNIQUE (campaign_id, key),
      CHECK (numerator IS NULL OR denominator IS NULL OR numerator <= denominator),
      CHECK (value_min IS NULL OR value_max IS NULL OR value_min <= value_max)
    )`);
    this.addSql('CREATE INDEX target_campaign_idx ON campaigns.target (campaign_id, metric_code, year)');
    this.addSql('CREATE INDEX target_unit_idx ON campaigns.target (unit_id)');
    this.addSql(`CREATE TABLE campaigns.milestone (
      id serial PRIMARY KEY,
      campaign_id integer NOT NULL REFERENCES campaigns.campaign (id) ON DELETE CASCADE,
      kind text NOT NULL,
      recurrence text NOT NULL,
      year integer,
      deadline date,
      deadline_day integer CHECK (deadline_day BETWEEN 1 AND 31),
      deadline_month integer CHECK (deadline_month BETWEEN 1 AND 12),
      description text NOT NULL,
      source text,
      version integer NOT NULL DEFAULT 1
    )`);
    this.addSql('CREATE INDEX milestone_campaign_idx ON campaigns.milestone (campaign_id)');
    this.addSql(`CREATE TABLE campaigns.subject (
      id serial PRIMARY KEY,
      campaign_id integer NOT NULL REFERENCES campaigns.campaign (id) ON DELETE CASCADE,
      type text NOT NULL,
      label text NOT NULL,
      criteria_text text,
      note text,
      source text
    )`);
    this.addSql('CREATE INDEX subject_campaign_idx ON campaigns.subject (campaign_id)');
  }
}
