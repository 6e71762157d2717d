import { Migration } from '@mikro-orm/migrations';

/**
 * Awards schema: the award form catalogue, each campaign's forms and dossier checklist, award standards with their
 * rules (JSONB, validated in code), contributors and their contributions, preconditions recorded on subjects,
 * nominations with their transitions, and awards. Units and campaigns are referred to by id only (federation keys).
 */
export class Migration20261220000000_awards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE awards.award_form (
      code varchar(40) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
      rank integer NOT NULL CHECK (rank >= 1),
      authority text NOT NULL CHECK (authority IN ('STATE','PRIME_MINISTER','MINISTRY','PROVINCE','DISTRICT','COMMUNE')),
      name_vi text NOT NULL,
      name_en text NOT NULL,
      classes text[] NOT NULL DEFAULT '{}',
      source text,
      note text
    )`);
    this.addSql(`CREATE TABLE awards.campaign_award_form (
      id serial PRIMARY KEY,
      campaign_id integer NOT NULL,
      issuer_unit_id integer NOT NULL,
      form_code varchar(40) NOT NULL REFERENCES awards.award_form (code),
      as_stated text,
      note text,
      source text,
      UNIQUE (campaign_id, form_code)
    )`);
    this.addSql(`CREATE TABLE awards.dossier_item (
      id serial PRIMARY KEY,
      campaign_id integer NOT NULL,
      issuer_unit_id integer NOT NULL,
      item text NOT NULL CHECK (item IN ('PROPOSAL_LETTER','ACHIEVEMENT_SUMMARY','COUNCIL_MINUTES','OTHER')),
      label text NOT NULL,
      occasions text[] NOT NULL,
      template text,
      note text,
      source text
    )`);
    this.addSql('CREATE INDEX dossier_item_campaign_idx ON awards.dossier_item (campaign_id)');
    this.addSql(`CREATE TABLE awards.award_standard (
      id serial PRIMARY KEY,
      key text UNIQUE,
      campaign_id integer NOT NULL,
      issuer_unit_id integer NOT NULL,
      subject_type text NOT NULL,
      subject_label text,
      basis text NOT NULL CHECK (basis IN ('PLAN_STANDARD','EMULATION_CRITERIA','REFERENCE')),
      occasion text NOT NULL CHECK (occasion IN ('ANNUAL','MID_TERM_REVIEW','FINAL_REVIEW','ANY')),
      year integer,
      form_code varchar(40) REFERENCES awards.award_form (code),
      quota integer CHECK (quota >= 0),
      criteria_text text NOT NULL,
      rule jsonb,
      deadline date,
      note text,
      source text,
      version integer NOT NULL DEFAULT 1
    )`);
    this.addSql('CREATE INDEX award_standard_campaign_idx ON awards.award_standard (campaign_id, occasion)');
    this.addSql(`CREATE TABLE awards.contributor (
      id serial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('HOUSEHOLD','INDIVIDUAL','ENTERPRISE','COOPERATIVE','ORGANISATION')),
      name text COLLATE "vi-x-icu" NOT NULL,
      unit_id integer NOT NULL,
      unit_path public.ltree NOT NULL
    )`);
    this.addSql('CREATE UNIQUE INDEX contributor_identity_idx ON awards.contributor (kind, lower(name), unit_id)');
    this.addSql('CREATE INDEX contributor_path_idx ON awards.contributor USING gist (unit_path)');
    this.addSql(`CREATE TABLE awards.contribution (
      id serial PRIMARY KEY,
      campaign_id integer NOT NULL,
      contributor_id integer NOT NULL REFERENCES awards.contributor (id),
      mobilised_by_id integer REFERENCES awards.contributor (id),
      unit_id integer NOT NULL,
      contributed_on date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('MONEY','LAND','LABOUR','ASSETS')),
      quantity double precision CHECK (quantity >= 0),
      quantity_unit text,
      unit_price_vnd bigint CHECK (unit_price_vnd >= 0),
      value_vnd bigint NOT NULL CHECK (value_vnd >= 0),
      description text,
      version integer NOT NULL DEFAULT 1,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    this.addSql('CREATE INDEX contribution_contributor_idx ON awards.contribution (contributor_id, contributed_on)');
    this.addSql('CREATE INDEX contribution_mobiliser_idx ON awards.contribution (mobilised_by_id, contributed_on)');
    this.addSql('CREATE INDEX contribution_campaign_idx ON awards.contribution (campaign_id, contributed_on)');
    this.addSql(`CREATE TABLE awards.precondition (
      id serial PRIMARY KEY,
      subject_unit_id integer NOT NULL,
      subject_contributor_id integer REFERENCES awards.contributor (id),
      key varchar(60) NOT NULL CHECK (key ~ '^[A-Z][A-Z0-9_]*$'),
      year integer NOT NULL,
      holds boolean NOT NULL,
      evidence text,
      version integer NOT NULL DEFAULT 1
    )`);
    this.addSql(
      'CREATE UNIQUE INDEX precondition_subject_idx ON awards.precondition (subject_unit_id, coalesce(subject_contributor_id, 0), key, year)',
    );
    this.addSql(`CREATE TABLE awards.nomination (
      id serial PRIMARY KEY,
      campaign_id integer NOT NULL,
      standard_id integer NOT NULL REFERENCES awards.award_standard (id),
      form_code varchar(40) NOT NULL REFERENCES awards.award_form (code),
      occasion text NOT NULL CHECK (occasion IN ('ANNUAL','MID_TERM_REVIEW','FINAL_REVIEW','ANY')),
      year integer NOT NULL,
      subject_type text NOT NULL,
      subject_unit_id integer NOT NULL,
      subject_contributor_id integer REFERENCES awards.contributor (id),
      subject_name text NOT NULL,
      proposing_unit_id integer NOT NULL,
      deciding_unit_id integer NOT NULL,
      status text NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','APPRAISED','COUNCIL_REVIEWED','DECIDED','RETURNED')),
      dossier jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`);
    this.addSql('CREATE INDEX nomination_campaign_idx ON awards.nomination (campaign_id, status)');
    this.addSql(`CREATE TABLE awards.nomination_transition (
      id serial PRIMARY KEY,
      nomination_id integer NOT NULL REFERENCES awards.nomination (id),
      from_status text,
      to_status text NOT NULL,
      reason text,
      user_id integer,
      username text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      audit_unit_id integer NOT NULL
    )`);
    this.addSql('CREATE INDEX nomination_transition_idx ON awards.nomination_transition (nomination_id, id)');
    this.addSql(`CREATE TABLE awards.award (
      id serial PRIMARY KEY,
      nomination_id integer UNIQUE REFERENCES awards.nomination (id),
      campaign_id integer NOT NULL,
      standard_id integer NOT NULL REFERENCES awards.award_standard (id),
      form_code varchar(40) NOT NULL REFERENCES awards.award_form (code),
      occasion text NOT NULL,
      year integer NOT NULL,
      subject_type text NOT NULL,
      subject_unit_id integer NOT NULL,
      subject_contributor_id integer REFERENCES awards.contributor (id),
      subject_name text NOT NULL,
      deciding_unit_id integer NOT NULL,
      decision_number text NOT NULL,
      decided_on date NOT NULL,
      signer text NOT NULL
    )`);
    this.addSql('CREATE INDEX award_subject_unit_idx ON awards.award (subject_unit_id)');
    this.addSql('CREATE INDEX award_subject_contributor_idx ON awards.award (subject_contributor_id)');
  }
}
