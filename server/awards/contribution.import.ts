import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { Capability } from '../shared/capabilities.js';
import type { SubgraphContext } from '../shared/context.js';
import { badInput } from '../shared/errors.js';
import { maySeePersonal } from '../shared/guard.js';
import { choiceOf, type ColumnSpec, sharedColumns } from '../shared/import/import-columns.js';
import {
  additions,
  defineImportKind,
  emptyBatch,
  stageAdditions,
  unitsOnDates,
  type ValidatedBatch,
} from '../shared/import/import-kind.js';
import { cells, type ImportRowError, type ParsedRow, readRows } from '../shared/import/import-row.js';
import type { Cell } from '../shared/table-file.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import { type CampaignInfo, campaignInfo } from './awards.peers.js';
import { ContributionKind, ContributorKind, isPersonal } from './awards.enums.js';
import {
  checkContributionPlace,
  checkContributorUnit,
  type ContributionValue,
  contributionValue,
  contributorName,
} from './contribution.service.js';

/** Enum values as the template writes them (the import also takes their codes). */
const CONTRIBUTOR_KINDS: Readonly<Record<ContributorKind, string>> = {
  HOUSEHOLD: 'Hộ gia đình',
  INDIVIDUAL: 'Cá nhân',
  ENTERPRISE: 'Doanh nghiệp',
  COOPERATIVE: 'Hợp tác xã',
  ORGANISATION: 'Tổ chức',
};
const KINDS: Readonly<Record<ContributionKind, string>> = { MONEY: 'Tiền', LAND: 'Đất đai', LABOUR: 'Ngày công', ASSETS: 'Tài sản' };

const COLUMNS: ColumnSpec[] = [
  sharedColumns.campaignId,
  {
    key: 'contributorKind',
    header: 'Loại người đóng góp',
    required: true,
    expected: choiceOf(CONTRIBUTOR_KINDS),
  },
  {
    key: 'name',
    header: 'Tên người đóng góp',
    required: true,
    expected: {
      vi: 'tên hộ, người, doanh nghiệp… (cùng loại, tên và đơn vị là cùng một người)',
      en: 'the name (same kind, name and unit: the same contributor)',
    },
  },
  sharedColumns.unitCode({
    vi: 'mã GSO của xã hoặc thôn của người đóng góp (dạng văn bản)',
    en: "the GSO code of the contributor's commune or village (as text)",
  }),
  sharedColumns.unitName,
  {
    key: 'date',
    header: 'Ngày đóng góp',
    required: true,
    expected: { vi: 'ngày dd/mm/yyyy trong giai đoạn của phong trào', en: 'a date dd/mm/yyyy within the campaign period' },
  },
  {
    key: 'kind',
    header: 'Loại đóng góp',
    required: true,
    expected: choiceOf(KINDS),
  },
  {
    key: 'valueVnd',
    header: 'Giá trị (đồng)',
    expected: {
      vi: 'số nguyên đồng ≥ 0 (hoặc để trống và ghi số lượng × đơn giá)',
      en: 'whole VND ≥ 0 (or empty, with quantity × unit price)',
    },
  },
  {
    key: 'quantity',
    header: 'Số lượng',
    expected: { vi: 'với đất, ngày công, tài sản: số lượng ≥ 0', en: 'for land, labour, assets: a quantity ≥ 0' },
  },
  { key: 'quantityUnit', header: 'Đơn vị số lượng', expected: { vi: 'm2, ngày công…', en: 'm2, workdays…' } },
  {
    key: 'unitPriceVnd',
    header: 'Đơn giá (đồng)',
    expected: { vi: 'đơn giá địa phương, số nguyên đồng ≥ 0', en: 'the local unit price, whole VND ≥ 0' },
  },
  { key: 'description', header: 'Mô tả', expected: { vi: 'công trình, hạng mục (không bắt buộc)', en: 'the works (optional)' } },
  {
    key: 'mobiliserKind',
    header: 'Loại người vận động',
    expected: choiceOf(CONTRIBUTOR_KINDS, { vi: 'để trống (không có người vận động) hoặc:', en: 'empty (no mobiliser) or' }),
  },
  {
    key: 'mobiliserName',
    header: 'Tên người vận động',
    expected: {
      vi: 'tên người trực tiếp vận động, khác người đóng góp (cùng loại, tên và đơn vị là cùng một người)',
      en: 'who mobilised it, someone other than the contributor (same kind, name and unit: the same person)',
    },
  },
  {
    key: 'mobiliserUnitCode',
    header: 'Mã đơn vị người vận động',
    expected: {
      vi: 'mã GSO của xã hoặc thôn của người vận động (để trống: đơn vị của người đóng góp)',
      en: "the GSO code of the mobiliser's commune or village (empty: the contributor's)",
    },
  },
  sharedColumns.codeDate('asOf', { vi: 'ngày đóng góp', en: 'the contribution date' }),
];

/** A contributor's identity as one string: kind, name without case, unit. */
const identityOf = (kind: string, name: string, unitId: number) => JSON.stringify([kind, name.toLowerCase(), unitId]);

/**
 * A contribution to add; its contributor, and who mobilised it (all four null for none), by identity (kind, name,
 * unit), found or created at commit.
 */
interface PlannedContribution extends ContributionValue {
  campaignId: number;
  contributorKind: ContributorKind;
  name: string;
  unitId: number;
  unitPath: string;
  date: string;
  kind: ContributionKind;
  quantityUnit: string | null;
  description: string | null;
  mobiliserKind: ContributorKind | null;
  mobiliserName: string | null;
  mobiliserUnitId: number | null;
  mobiliserUnitPath: string | null;
}

/** A planned contribution's mobiliser as one string (null for none). */
const mobiliserOf = (p: PlannedContribution) =>
  p.mobiliserKind === null ? null : identityOf(p.mobiliserKind, p.mobiliserName!, p.mobiliserUnitId!);

/**
 * The same contribution: campaign, contributor (kind, name without case, unit), date, kind, value and description —
 * a row equal to a stored contribution changes nothing, and a file may not hold the same one twice.
 */
const keyOf = (
  c: Pick<PlannedContribution, 'campaignId' | 'contributorKind' | 'name' | 'unitId' | 'date' | 'kind' | 'valueVnd' | 'description'>,
) => JSON.stringify([c.campaignId, c.contributorKind, c.name.toLowerCase(), c.unitId, c.date, c.kind, c.valueVnd, c.description ?? null]);

/** The stored contributions of these rows' contributors: each one's key, and who mobilised it (null for none). */
async function storedContributions(em: EntityManager, planned: readonly PlannedContribution[]): Promise<Map<string, string | null>> {
  if (!planned.length) return new Map();
  const rows = await em.execute<
    {
      campaignId: number;
      contributorKind: ContributorKind;
      name: string;
      unitId: number;
      date: string;
      kind: ContributionKind;
      valueVnd: string;
      description: string | null;
      mobiliserKind: string | null;
      mobiliserName: string | null;
      mobiliserUnitId: number | null;
    }[]
  >(
    `SELECT c.campaign_id AS "campaignId", p.kind AS "contributorKind", p.name, p.unit_id AS "unitId", to_char(c.contributed_on, 'YYYY-MM-DD') AS date,
       c.kind, c.value_vnd AS "valueVnd", c.description, m.kind AS "mobiliserKind", m.name AS "mobiliserName", m.unit_id AS "mobiliserUnitId"
     FROM awards.contributor p JOIN awards.contribution c ON c.contributor_id = p.id
     LEFT JOIN awards.contributor m ON m.id = c.mobilised_by_id
     WHERE (p.kind, lower(p.name), p.unit_id) IN (SELECT r."contributorKind", lower(r.name), r."unitId" FROM jsonb_to_recordset(?::jsonb) AS r("contributorKind" text, name text, "unitId" int))`,
    [JSON.stringify(planned.map((p) => ({ contributorKind: p.contributorKind, name: p.name, unitId: p.unitId })))],
  );
  return new Map(
    rows.map((r) => [
      keyOf({ ...r, valueVnd: Number(r.valueVnd) }),
      r.mobiliserKind === null ? null : identityOf(r.mobiliserKind, r.mobiliserName!, r.mobiliserUnitId!),
    ]),
  );
}

/**
 * Checks a file's contributions with the rules of `recordContribution` (`checkContributorUnit`, `contributorName`,
 * `contributionValue`, `checkContributionPlace`, shared): every row's unit inside the importer's subtree (else the
 * whole file is refused, naming the row), read by code and date 500 at a time, a commune or village; the campaign known,
 * the contributor within its issuer's territory and the date in its period; the value in whole VND or quantity × unit
 * price; the mobiliser, if any, with a kind and a name, a commune or village inside the importer's subtree, someone
 * other than the contributor; no repeat within the file; a row equal to a stored contribution is unchanged (a conflict
 * if it names another mobiliser).
 */
class ContributionValidator {
  private readonly campaigns = new Map<number, CampaignInfo | null>();
  private readonly seen = new Map<string, number>();

  constructor(private readonly ctx: SubgraphContext) {}

  private async campaign(id: number): Promise<CampaignInfo | null> {
    if (!this.campaigns.has(id)) {
      try {
        this.campaigns.set(id, await campaignInfo(this.ctx, id));
      } catch (error) {
        if (!(error instanceof GraphQLError) || error.extensions.code !== 'NOT_FOUND') throw error;
        this.campaigns.set(id, null);
      }
    }
    return this.campaigns.get(id)!;
  }

  async validate(rows: readonly ParsedRow[]): Promise<ValidatedBatch> {
    const batch = emptyBatch();
    const read = readRows(rows, (row, errors) => {
      const campaignId = row.read('campaignId', cells.id, errors, true);
      const date = row.read('date', cells.date, errors, true);
      const asOf = row.read('asOf', cells.date, errors);
      return {
        date,
        readOn: asOf ?? date,
        campaignId,
        contributorKind: row.read('contributorKind', (c) => cells.choice(c, CONTRIBUTOR_KINDS), errors, true),
        name: row.read('name', cells.text, errors, true),
        unitCode: row.read('unitCode', cells.code, errors, true),
        kind: row.read('kind', (c) => cells.choice(c, KINDS), errors, true),
        valueVnd: row.read('valueVnd', cells.number, errors),
        quantity: row.read('quantity', cells.number, errors),
        quantityUnit: row.read('quantityUnit', cells.text, errors),
        unitPriceVnd: row.read('unitPriceVnd', cells.number, errors),
        description: row.read('description', cells.text, errors),
        mobiliserKind: row.read('mobiliserKind', (c) => cells.choice(c, CONTRIBUTOR_KINDS), errors),
        mobiliserName: row.read('mobiliserName', cells.text, errors),
        mobiliserUnitCode: row.read('mobiliserUnitCode', cells.code, errors),
      };
    });
    const units = await unitsOnDates(
      this.ctx.units,
      read.flatMap((r) => (r.readOn ? [r.unitCode, r.mobiliserUnitCode].flatMap((code) => (code ? [{ code, date: r.readOn! }] : [])) : [])),
    );

    const planned: { row: ParsedRow; plan: PlannedContribution }[] = [];
    for (const r of read) {
      const { row, errors } = r;
      const unit = r.unitCode && r.readOn ? units.get(`${r.unitCode}@${r.readOn}`) : undefined;
      if (r.unitCode && r.readOn && !unit) errors.push(row.unitNotFound(r.unitCode, r.readOn));
      if (unit) {
        row.authorize(this.ctx.guard, unit, { vi: 'ghi đóng góp ở', en: 'record contributions in' });
      }
      const mobilised = r.mobiliserKind !== null || r.mobiliserName !== null || r.mobiliserUnitCode !== null;
      const mobiliserUnit = mobilised ? this.mobiliserUnit(row, r, unit, units, errors) : undefined;
      const campaign = r.campaignId !== null ? await this.campaign(r.campaignId) : undefined;
      if (campaign === null)
        errors.push(row.error('campaignId', `Không có phong trào ${r.campaignId}`, `No campaign ${r.campaignId}`, 'NOT_FOUND'));
      if (!unit || !campaign || !r.contributorKind || !r.name || !r.kind || !r.date || errors.length) {
        batch.errors.push(...errors);
        continue;
      }
      let field = 'unitCode';
      try {
        checkContributorUnit(unit, 'unitCode');
        field = 'name';
        const name = contributorName(r.name, 'name');
        const mobiliser = mobiliserUnit
          ? plannedMobiliser(r.mobiliserKind!, r.mobiliserName!, mobiliserUnit, identityOf(r.contributorKind, name, unit.id))
          : NO_MOBILISER;
        field = 'valueVnd';
        const value = contributionValue({ kind: r.kind, valueVnd: r.valueVnd, quantity: r.quantity, unitPriceVnd: r.unitPriceVnd });
        checkContributionPlace(unit.path, campaign, r.date);
        const plan: PlannedContribution = {
          campaignId: campaign.id,
          contributorKind: r.contributorKind,
          name,
          unitId: unit.id,
          unitPath: unit.path,
          date: r.date,
          kind: r.kind,
          ...value,
          quantityUnit: r.quantityUnit,
          description: r.description,
          ...mobiliser,
        };
        const first = this.seen.get(keyOf(plan));
        if (first !== undefined) {
          batch.errors.push(
            row.error(
              'name',
              `Trùng với dòng ${first}: cùng người, ngày, loại, giá trị và mô tả`,
              `Repeats row ${first}: the same contributor, date, kind, value and description`,
            ),
          );
          continue;
        }
        this.seen.set(keyOf(plan), row.row);
        planned.push({ row, plan });
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const named = error.extensions.field;
        const key =
          named === 'contributor' ? 'unitCode' : typeof named === 'string' && COLUMNS.some((c) => c.key === named) ? named : field;
        batch.errors.push(row.fieldError(key, error.message));
      }
    }
    const stored = await storedContributions(
      this.ctx.em,
      planned.map((p) => p.plan),
    );
    const consistent = planned.filter(({ row, plan }) => {
      const conflict = mobiliserConflict(row, plan, stored);
      if (conflict) batch.errors.push(conflict);
      return !conflict;
    });
    return stageAdditions(batch, consistent, keyOf, async () => new Set(stored.keys()));
  }

  /**
   * The unit of a row's mobiliser (its code read on the row's day, else the contributor's unit), inside the importer's
   * subtree (else the whole file is refused); a missing kind or name, or an unknown code, is the row's error.
   */
  private mobiliserUnit(
    row: ParsedRow,
    r: { readOn: string | null; mobiliserKind: unknown; mobiliserName: unknown; mobiliserUnitCode: string | null },
    contributorUnit: UnitInfo | undefined,
    units: ReadonlyMap<string, UnitInfo>,
    errors: ImportRowError[],
  ): UnitInfo | undefined {
    if (r.mobiliserKind === null) errors.push(row.error('mobiliserKind', 'Cần loại người vận động', "The mobiliser's kind is required"));
    if (r.mobiliserName === null) errors.push(row.error('mobiliserName', 'Cần tên người vận động', "The mobiliser's name is required"));
    if (!r.mobiliserUnitCode || !r.readOn) return contributorUnit;
    const unit = units.get(`${r.mobiliserUnitCode}@${r.readOn}`);
    if (!unit) errors.push(row.unitNotFound(r.mobiliserUnitCode, r.readOn, 'mobiliserUnitCode'));
    else row.authorize(this.ctx.guard, unit, { vi: 'ghi người vận động ở', en: 'record a mobiliser in' });
    return unit;
  }
}

type MobiliserFields = Pick<PlannedContribution, 'mobiliserKind' | 'mobiliserName' | 'mobiliserUnitId' | 'mobiliserUnitPath'>;
const NO_MOBILISER: MobiliserFields = { mobiliserKind: null, mobiliserName: null, mobiliserUnitId: null, mobiliserUnitPath: null };

/** A row's mobiliser with `recordContribution`'s rules: a commune or village, a name, someone other than the contributor. */
function plannedMobiliser(kind: ContributorKind, rawName: string, unit: UnitInfo, contributor: string): MobiliserFields {
  checkContributorUnit(unit, 'mobiliserUnitCode');
  const name = contributorName(rawName, 'mobiliserName');
  if (identityOf(kind, name, unit.id) === contributor)
    throw badInput(
      'Người vận động là người khác với người đóng góp',
      'The mobiliser must be someone other than the contributor',
      'mobiliserName',
    );
  return { mobiliserKind: kind, mobiliserName: name, mobiliserUnitId: unit.id, mobiliserUnitPath: unit.path };
}

/**
 * A row equal to a stored contribution is that contribution: a mobiliser it names must be the one stored, since the
 * import only adds (naming none keeps the stored one).
 */
function mobiliserConflict(row: ParsedRow, plan: PlannedContribution, stored: ReadonlyMap<string, string | null>): ImportRowError | null {
  const key = keyOf(plan);
  if (!stored.has(key) || plan.mobiliserKind === null || stored.get(key) === mobiliserOf(plan)) return null;
  const [vi, en] =
    stored.get(key) === null ? ['không có người vận động', 'without a mobiliser'] : ['với người vận động khác', 'with another mobiliser'];
  return row.error(
    'mobiliserName',
    `Đóng góp này đã ghi ${vi}; nhập tệp chỉ thêm đóng góp mới`,
    `This contribution is stored ${en}; an import only adds new contributions`,
    'CONFLICT',
  );
}

/**
 * The template's rows: every contribution of the template's year by contributors of the territory — the export, which
 * re-imports unchanged. It names households and individuals (personal data), so only a caller who may record
 * contributions over the territory gets it.
 */
async function contributionRows(ctx: SubgraphContext, territory: UnitInfo, date: string): Promise<Cell[][]> {
  ctx.guard.require(Capability.RECORD_CONTRIBUTIONS, territory);
  const found = await ctx.em.execute(
    `SELECT c.campaign_id, p.kind AS contributor_kind, p.name, p.unit_id, to_char(c.contributed_on, 'YYYY-MM-DD') AS date, c.kind, c.value_vnd,
       c.quantity, c.quantity_unit, c.unit_price_vnd, c.description, m.kind AS mobiliser_kind, m.name AS mobiliser_name, m.unit_id AS mobiliser_unit_id
     FROM awards.contribution c JOIN awards.contributor p ON p.id = c.contributor_id
     LEFT JOIN awards.contributor m ON m.id = c.mobilised_by_id
     WHERE p.unit_path <@ ?::public.ltree AND extract(year FROM c.contributed_on) = ?
     ORDER BY c.contributed_on, c.id`,
    [territory.path, Number(date.slice(0, 4))],
  );
  const unitIds = found.flatMap((c) => (c.mobiliser_unit_id === null ? [c.unit_id] : [c.unit_id, c.mobiliser_unit_id])).map(Number);
  const units = new Map((await ctx.units.byIds([...new Set(unitIds)])).filter((u) => u !== null).map((u) => [u!.id, u!]));
  return found.map((c) => {
    const unit = units.get(Number(c.unit_id));
    // A household or individual mobilising from a unit the caller holds no role over stays unnamed (empty: re-imported,
    // the stored mobiliser is kept). The unit is written only where it is not the contributor's (the column's default).
    const mobiliser = c.mobiliser_unit_id === null ? undefined : units.get(Number(c.mobiliser_unit_id));
    const shown = mobiliser !== undefined && (!isPersonal(c.mobiliser_kind) || maySeePersonal(ctx, mobiliser.path));
    const mobiliserUnit = shown && c.mobiliser_unit_id !== c.unit_id ? mobiliser : undefined;
    return [
      c.campaign_id,
      CONTRIBUTOR_KINDS[c.contributor_kind as ContributorKind],
      c.name,
      unit?.code ?? null,
      unit?.name ?? null,
      c.date,
      KINDS[c.kind as ContributionKind],
      Number(c.value_vnd),
      c.quantity,
      c.quantity_unit,
      c.unit_price_vnd === null ? null : Number(c.unit_price_vnd),
      c.description,
      shown ? CONTRIBUTOR_KINDS[c.mobiliser_kind as ContributorKind] : null,
      shown ? c.mobiliser_name : null,
      mobiliserUnit?.code ?? null,
      null,
    ];
  });
}

/**
 * Adds the contributors and mobilisers found by identity (kind, name, unit) and then the contributions, skipping one
 * stored meanwhile.
 */
async function insertContributions(em: EntityManager, planned: readonly PlannedContribution[]): Promise<unknown[]> {
  const json = JSON.stringify(planned);
  const RECORD = `r("campaignId" int, "contributorKind" text, name text, "unitId" int, "unitPath" text, date date, kind text, "valueVnd" bigint,
    quantity float8, "quantityUnit" text, "unitPriceVnd" bigint, description text,
    "mobiliserKind" text, "mobiliserName" text, "mobiliserUnitId" int, "mobiliserUnitPath" text)`;
  await em.execute(
    `WITH r AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS ${RECORD})
     INSERT INTO awards.contributor (kind, name, unit_id, unit_path)
     SELECT DISTINCT ON (kind, lower(name), unit_id) kind, name, unit_id, unit_path::public.ltree
     FROM (SELECT "contributorKind" AS kind, name, "unitId" AS unit_id, "unitPath" AS unit_path FROM r
           UNION ALL
           SELECT "mobiliserKind", "mobiliserName", "mobiliserUnitId", "mobiliserUnitPath" FROM r WHERE "mobiliserKind" IS NOT NULL) AS people
     ON CONFLICT (kind, lower(name), unit_id) DO NOTHING`,
    [json],
  );
  return em.execute(
    `INSERT INTO awards.contribution (campaign_id, contributor_id, mobilised_by_id, unit_id, contributed_on, kind, value_vnd, quantity, quantity_unit, unit_price_vnd, description)
     SELECT r."campaignId", p.id, m.id, r."unitId", r.date, r.kind, r."valueVnd", r.quantity, r."quantityUnit", r."unitPriceVnd", r.description
     FROM jsonb_to_recordset(?::jsonb) AS ${RECORD}
     JOIN awards.contributor p ON p.kind = r."contributorKind" AND lower(p.name) = lower(r.name) AND p.unit_id = r."unitId"
     LEFT JOIN awards.contributor m ON m.kind = r."mobiliserKind" AND lower(m.name) = lower(r."mobiliserName") AND m.unit_id = r."mobiliserUnitId"
     WHERE NOT EXISTS (SELECT 1 FROM awards.contribution c WHERE c.contributor_id = p.id AND c.campaign_id = r."campaignId" AND c.contributed_on = r.date
       AND c.kind = r.kind AND c.value_vnd = r."valueVnd" AND c.description IS NOT DISTINCT FROM r.description)
     RETURNING id`,
    [json],
  );
}

/**
 * Đóng góp — the contributions ledger with the rules of `recordContribution`: contributors found or added by identity
 * (kind, name, unit) and contributions added, one statement each per thousand rows; one stored meanwhile with the same
 * key is skipped, so a file imported twice, even at once, adds each contribution once, with who mobilised it.
 */
export const contributionImport = defineImportKind<PlannedContribution>('contributions', {
  title: { vi: 'Đóng góp', en: 'Contributions' },
  columns: COLUMNS,
  validator: ContributionValidator,
  exportRows: contributionRows,
  commit: additions(insertContributions),
});
