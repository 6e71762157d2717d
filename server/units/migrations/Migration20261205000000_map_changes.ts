import { Migration } from '@mikro-orm/migrations';

/**
 * Villages and dated reorganisations: the constraints that keep the map consistent whoever writes it, the stored
 * reorganisation events (the audit of the map), and a revision that readers keeping a copy of the units (insights)
 * follow to apply only what changed.
 */
export class Migration20261205000000_map_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE units.unit ADD COLUMN synthetic boolean NOT NULL DEFAULT false');
    this.addSql('ALTER TABLE units.unit ADD COLUMN version integer NOT NULL DEFAULT 1');
    this.addSql('ALTER TABLE units.unit ADD COLUMN revision bigint NOT NULL DEFAULT 0');
    // A unit a withdrawn reorganisation had created: kept so records that name it still resolve, valid on no day.
    this.addSql('ALTER TABLE units.unit ADD COLUMN withdrawn boolean NOT NULL DEFAULT false');
    this.addSql('CREATE INDEX unit_revision_idx ON units.unit (revision)');
    // A code names one unit on any day (codes are reused only after the unit holding them closes).
    this.addSql(`ALTER TABLE units.unit ADD CONSTRAINT unit_code_one_unit_a_day
      EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&) WHERE (NOT withdrawn)`);
    // Two villages of one commune never carry the same name (kind word, accents and case aside) on the same day.
    this.addSql(`ALTER TABLE units.unit ADD CONSTRAINT unit_village_name_one_a_day
      EXCLUDE USING gist (parent_id WITH =, public.ntm_fold(short_name) WITH =, daterange(valid_from, valid_to, '[]') WITH &&) WHERE (level = 'VILLAGE' AND NOT withdrawn)`);
    // A unit lies inside its parent: the parent is valid whenever the child is. Checked at commit on the rows as
    // they are then, so a writer may close a parent and its children in any order within one transaction.
    this.addSql(`CREATE FUNCTION units.check_inside_parent() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE me units.unit; p units.unit;
      BEGIN
        SELECT * INTO me FROM units.unit WHERE id = NEW.id;
        IF NOT FOUND OR me.withdrawn THEN RETURN NULL; END IF;
        IF me.parent_id IS NOT NULL THEN
          SELECT * INTO p FROM units.unit WHERE id = me.parent_id;
          IF (p.valid_from IS NOT NULL AND (me.valid_from IS NULL OR me.valid_from < p.valid_from))
            OR (p.valid_to IS NOT NULL AND (me.valid_to IS NULL OR me.valid_to > p.valid_to)) THEN
            RAISE EXCEPTION 'unit % is valid outside its parent %', me.id, me.parent_id USING ERRCODE = '23514';
          END IF;
        END IF;
        IF TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM units.unit c WHERE c.parent_id = me.id AND NOT c.withdrawn
            AND ((me.valid_from IS NOT NULL AND (c.valid_from IS NULL OR c.valid_from < me.valid_from))
              OR (me.valid_to IS NOT NULL AND (c.valid_to IS NULL OR c.valid_to > me.valid_to)))) THEN
          RAISE EXCEPTION 'unit % would leave a sub-unit outside its validity', me.id USING ERRCODE = '23514';
        END IF;
        RETURN NULL;
      END $$`);
    this
      .addSql(`CREATE CONSTRAINT TRIGGER unit_inside_parent AFTER INSERT OR UPDATE OF valid_from, valid_to, parent_id, withdrawn ON units.unit
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION units.check_inside_parent()`);

    // The map's revision: one counter row, bumped once per writing statement and held locked until the writer
    // commits, so revisions become visible in commit order; each written unit row carries the revision that wrote it.
    this.addSql(`CREATE TABLE units.map_revision (
      id integer PRIMARY KEY CHECK (id = 1),
      epoch text NOT NULL,
      counter bigint NOT NULL
    )`);
    this.addSql(`INSERT INTO units.map_revision (id, epoch, counter) VALUES (1, md5(random()::text || clock_timestamp()::text), 0)`);
    this.addSql(`CREATE TABLE units.unit_removed (
      unit_id integer PRIMARY KEY,
      revision bigint NOT NULL
    )`);
    this.addSql('CREATE INDEX unit_removed_revision_idx ON units.unit_removed (revision)');
    this.addSql(`CREATE FUNCTION units.bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE c bigint;
      BEGIN
        UPDATE units.map_revision SET counter = counter + 1 WHERE id = 1 RETURNING counter INTO c;
        PERFORM set_config('units.revision', c::text, true);
        RETURN NULL;
      END $$`);
    this.addSql(`CREATE FUNCTION units.stamp_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO units.unit_removed (unit_id, revision) VALUES (OLD.id, current_setting('units.revision')::bigint)
            ON CONFLICT (unit_id) DO UPDATE SET revision = excluded.revision;
          RETURN OLD;
        END IF;
        NEW.revision := current_setting('units.revision')::bigint;
        RETURN NEW;
      END $$`);
    this.addSql(`CREATE TRIGGER unit_bump_revision BEFORE INSERT OR UPDATE OR DELETE ON units.unit
      FOR EACH STATEMENT EXECUTE FUNCTION units.bump_revision()`);
    this.addSql(`CREATE TRIGGER unit_stamp_revision BEFORE INSERT OR UPDATE OR DELETE ON units.unit
      FOR EACH ROW EXECUTE FUNCTION units.stamp_revision()`);
    // A lineage link written or removed changes both units it joins — except units this transaction wrote already:
    // they carry its revision and are read with their links (spares rewriting every seeded unit).
    this.addSql(`CREATE FUNCTION units.touch_lineage_units() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE written bigint := NULLIF(current_setting('units.revision', true), '')::bigint;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE units.unit SET revision = 0 WHERE id IN (SELECT successor_id FROM new_rows UNION SELECT predecessor_id FROM new_rows)
            AND (written IS NULL OR revision < written);
        ELSE
          UPDATE units.unit SET revision = 0 WHERE id IN (SELECT successor_id FROM old_rows UNION SELECT predecessor_id FROM old_rows)
            AND (written IS NULL OR revision < written);
        END IF;
        RETURN NULL;
      END $$`);
    this.addSql(`CREATE TRIGGER unit_lineage_inserted AFTER INSERT ON units.unit_lineage
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION units.touch_lineage_units()`);
    this.addSql(`CREATE TRIGGER unit_lineage_deleted AFTER DELETE ON units.unit_lineage
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION units.touch_lineage_units()`);

    // Sắp xếp đơn vị hành chính — one dated reorganisation as recorded, with what it changed.
    this.addSql(`CREATE TABLE units.reorganisation (
      id serial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('MERGE','SPLIT','RENAME','TRANSFER')),
      status text NOT NULL DEFAULT 'RECORDED' CHECK (status IN ('RECORDED','WITHDRAWN')),
      level text NOT NULL,
      effective_on date NOT NULL,
      resolution_number varchar(100) NOT NULL,
      resolution_date date NOT NULL CHECK (resolution_date <= effective_on),
      issuer varchar(200),
      note text,
      sources jsonb NOT NULL,
      results jsonb NOT NULL,
      moved_count integer NOT NULL DEFAULT 0,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by text NOT NULL,
      withdrawn_at timestamptz,
      withdrawn_by text,
      withdrawal_reason text,
      version integer NOT NULL DEFAULT 1,
      CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL))
    )`);
    this.addSql('CREATE INDEX reorganisation_effective_idx ON units.reorganisation (effective_on)');
    // Every unit an event touched and how: a source or result, created, closed (with its end date before), moved.
    this.addSql(`CREATE TABLE units.reorganisation_unit (
      reorganisation_id integer NOT NULL REFERENCES units.reorganisation (id),
      unit_id integer NOT NULL,
      role text NOT NULL CHECK (role IN ('SOURCE','RESULT','CREATED','CLOSED')),
      previous_valid_to date,
      PRIMARY KEY (reorganisation_id, unit_id, role)
    )`);
    this.addSql('CREATE INDEX reorganisation_unit_unit_idx ON units.reorganisation_unit (unit_id)');
    this.addSql('ALTER TABLE units.unit_lineage ADD COLUMN reorganisation_id integer REFERENCES units.reorganisation (id)');
    this.addSql('CREATE INDEX unit_lineage_reorganisation_idx ON units.unit_lineage (reorganisation_id)');
  }
}
