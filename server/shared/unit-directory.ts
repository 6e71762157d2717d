import DataLoader from 'dataloader';
import { notFound } from './errors.js';
import { allPages, batches, PEER_PAGE, peerResult, type PeerPage, type PeerResult } from './peers.js';
import { today } from './scalars.js';

/** What other subgraphs need to know of an administrative unit, read through the units subgraph's public API. */
export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  level: 'NATION' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'VILLAGE';
  kind: string;
  /** ltree path of ids from the nation down, e.g. "1.1100056.1200568". */
  path: string;
  validFrom: string | null;
  validTo: string | null;
  /** Classification codes in force on the date asked ("ESPECIALLY_DISADVANTAGED", "TERRAIN:HIGH_MOUNTAIN"). */
  classifications: string[];
  /** A placeholder for a unit a document does not name (units subgraph). */
  placeholder: boolean;
}

/** Runs a GraphQL operation against the units subgraph (in-process, or over HTTP when it runs elsewhere). */
export type UnitsExecutor = (query: string, variables: Record<string, unknown>) => Promise<PeerResult>;

const FIELDS = 'id code name level kind path validFrom validTo placeholder classifications(asOf: $asOf) { code }';

/** A unit as FIELDS selects it. */
type UnitNode = Omit<UnitInfo, 'id' | 'classifications'> & { id: string; classifications: { code: string }[] };

const toInfo = (u: UnitNode): UnitInfo => ({
  id: Number(u.id),
  code: u.code,
  name: u.name,
  level: u.level,
  kind: u.kind,
  path: u.path,
  validFrom: u.validFrom,
  validTo: u.validTo,
  classifications: u.classifications.map((c) => c.code),
  placeholder: u.placeholder,
});

/** Whether a unit is valid on a date, or for at least part of a period. */
export const isValidOn = (unit: Pick<UnitInfo, 'validFrom' | 'validTo'>, from: string, to: string = from): boolean =>
  (!unit.validFrom || unit.validFrom <= to) && (!unit.validTo || unit.validTo >= from);

export { isWithin } from './domain/subtree.js';

/**
 * Lookups of administrative units for the other subgraphs, through the units subgraph's GraphQL API (never its
 * tables). One directory per request: lookups by id are batched and cached.
 */
export class UnitDirectory {
  private readonly loader = new DataLoader<number, UnitInfo | null, string>(
    async (ids) => {
      const result = await this.run<{ unitsByIds: (UnitNode | null)[] }>(
        `query($ids: [ID!]!, $asOf: Date) { unitsByIds(ids: $ids) { ${FIELDS} } }`,
        { ids: ids.map(String), asOf: this.asOf },
      );
      const found = new Map<number, UnitInfo>(
        result!.unitsByIds.filter((u): u is UnitNode => Boolean(u)).map((u) => [Number(u.id), toInfo(u)]),
      );
      return ids.map((id) => found.get(id) ?? null);
    },
    // The units subgraph answers at most PEER_PAGE ids a query.
    { cacheKeyFn: String, maxBatchSize: PEER_PAGE },
  );

  constructor(
    private readonly executor: UnitsExecutor,
    private readonly asOf: string = today(),
  ) {}

  /** `T` is what `query` selects; null when the unit asked for does not exist. */
  private async run<T>(query: string, variables: Record<string, unknown>): Promise<T | null> {
    const result = await this.executor(query, variables);
    // A unit that does not exist is an answer here (null), not a failure.
    if (result.errors?.[0]?.extensions?.code === 'NOT_FOUND') return null;
    return peerResult<T>('units', result);
  }

  /** The unit with this code valid on `asOf`, or null. Classifications are those in force on `asOf`. */
  async findByCode(code: string, asOf: string = today()): Promise<UnitInfo | null> {
    const data = await this.run<{ unit: UnitNode | null }>(
      `query($code: String!, $asOf: Date) { unit(code: $code, asOf: $asOf) { ${FIELDS} } }`,
      { code, asOf },
    );
    return data?.unit ? toInfo(data.unit) : null;
  }

  /**
   * The units holding these codes on `asOf` (code → unit; codes no unit holds that day are absent), 500 codes a
   * query: what checking a file's rows needs, in bulk and always by code and date.
   */
  async findManyByCode(codes: readonly string[], asOf: string): Promise<Map<string, UnitInfo>> {
    const found = new Map<string, UnitInfo>();
    for (const batch of batches([...new Set(codes)])) {
      const data = await this.run<{ unitsByCodes: (UnitNode | null)[] }>(
        `query($codes: [String!]!, $asOf: Date!) { unitsByCodes(codes: $codes, asOf: $asOf) { ${FIELDS} } }`,
        { codes: batch, asOf },
      );
      for (const u of data?.unitsByCodes ?? []) if (u) found.set(u.code, toInfo(u));
    }
    return found;
  }

  async requireByCode(code: string, asOf: string = today()): Promise<UnitInfo> {
    const unit = await this.findByCode(code, asOf);
    if (!unit) throw notFound(`Không có đơn vị mã "${code}" hiệu lực ngày ${asOf}`, `No unit with code "${code}" valid on ${asOf}`);
    return unit;
  }

  /** Units by id (batched); classifications are those in force on the directory's date. */
  async byId(id: number): Promise<UnitInfo | null> {
    return this.loader.load(id);
  }

  async byIds(ids: readonly number[]): Promise<(UnitInfo | null)[]> {
    return Promise.all(ids.map((id) => this.loader.load(id)));
  }

  /**
   * The paths a grant on this unit covers: its own and those of the units it took over whole (FULL predecessors),
   * followed back through the 2025 reorganisation and every recorded one — so the new Khánh Hòa's administrators keep
   * Ninh Thuận's records, and a merged commune's administrators those of the communes merged into it.
   */
  async grantPaths(id: number): Promise<string[] | null> {
    const data = await this.run<{ unitsByIds: ({ coveredPaths: string[] } | null)[] }>(
      `query($ids: [ID!]!) { unitsByIds(ids: $ids) { coveredPaths } }`,
      { ids: [String(id)] },
    );
    const unit = data?.unitsByIds?.[0];
    return unit ? unit.coveredPaths : null;
  }

  /** The placeholder units below the unit with this code, valid on `asOf` (units a document speaks of without naming). */
  async placeholdersWithin(ancestorCode: string, asOf: string): Promise<UnitInfo[]> {
    const data = await this.run<{ units: { nodes: UnitNode[] } }>(
      `query($f: UnitFilter, $asOf: Date) { units(filter: $f, limit: 500) { nodes { ${FIELDS} } } }`,
      { f: { withinCode: ancestorCode, asOf, placeholder: true }, asOf },
    );
    return data!.units.nodes.map(toInfo);
  }

  /** Ids of all (real) units in the subtree of `ancestorId` (itself included) valid on `asOf`, optionally of one level and kind. */
  async subtreeIds(ancestorCode: string, asOf: string, level?: UnitInfo['level'], kind?: string): Promise<number[]> {
    const nodes = await allPages<{ id: string }>(
      async (offset, limit) =>
        (await this.run<{ units: PeerPage<{ id: string }> }>(
          `query($f: UnitFilter, $offset: Int, $limit: Int) { units(filter: $f, offset: $offset, limit: $limit) { totalCount nodes { id } } }`,
          { f: { withinCode: ancestorCode, asOf, level, kind }, offset, limit },
        ))!.units,
    );
    return nodes.map((n) => Number(n.id));
  }
}
