/**
 * Ready operations for the questions people bring to the supergraph: GraphiQL opens with one tab each
 * (graphiql.ts), docs/api.md shows the same text, and tests/graphiql.test.ts runs every one of them through the
 * bundled gateway and Hive Gateway and fails when docs/api.md no longer shows it.
 */
export interface ExampleOperation {
  /** What the tab answers, Vietnamese first. */
  title: { vi: string; en: string };
  /** The document; with several operations, run them in order. */
  query: string;
  variables: Record<string, unknown>;
  /**
   * Variables a later operation takes from an earlier one's answer (variable → path in that answer's data), where
   * the value is a database id that differs from one database to another.
   */
  carried?: Record<string, string>;
}

export const EXAMPLES: ExampleOperation[] = [
  {
    title: { vi: 'So sánh các tỉnh trong một năm', en: 'Compare the provinces for a year' },
    query: `query CompareProvinces($year: Int!, $asOf: Date) {
  compare(input: { level: PROVINCE, year: $year, asOf: $asOf, metrics: ["COMMUNES_NTM", "COMMUNES_ADVANCED", "AVG_CRITERIA_MET"] }) {
    unitCount
    rows { rank unitCode unitName metric actual valueUnit numerator denominator target gap onTrack }
  }
}`,
    variables: { year: 2024, asOf: '2024-12-31' },
  },
  {
    title: { vi: 'Các huyện của một tỉnh so với chỉ tiêu', en: "A province's districts against their targets" },
    query: `query DistrictsAgainstTargets($province: String!, $year: Int!, $asOf: Date) {
  compare(input: { childrenOf: $province, year: $year, asOf: $asOf, metrics: ["COMMUNES_NTM", "COMMUNES_ADVANCED"] }) {
    rows { unitName metric actual target targetComparator gap onTrack rank targetQuote }
    notes
  }
}`,
    variables: { province: '56', year: 2025, asOf: '2025-06-30' },
  },
  {
    title: { vi: 'Tiến độ qua các năm', en: 'Progress over the years' },
    query: `query ProgressOverYears($unit: String!, $metric: String!, $asOf: Date) {
  progress(unitCode: $unit, metric: $metric, fromYear: 2021, toYear: 2025, asOf: $asOf) {
    year actual target gap onTrack numerator denominator
  }
}`,
    variables: { unit: '06', metric: 'COMMUNES_NTM', asOf: '2024-06-30' },
  },
  {
    title: { vi: 'Xét điều kiện khen thưởng', en: 'Award eligibility' },
    query: `# 1. Tìm tiêu chuẩn khen thưởng (mã số khác nhau giữa các cơ sở dữ liệu) — find the award standard (its id differs between databases)
query FindStandard($key: String!) {
  awardStandardList(filter: { search: $key, hasRule: true }) {
    nodes { id key criteriaText campaign { name } }
  }
}

# 2. Thêm id vừa tìm vào biến "standardId" rồi chạy — add the id found as the variable "standardId", then run
query Eligibility($standardId: ID!, $year: Int!) {
  awardEligibilityList(standardId: $standardId, year: $year, limit: 20) {
    totalCount eligibleCount
    nodes { eligible subject { name unit { code name } } conditions { passed summary } }
  }
}`,
    variables: { key: 'bac-kan-annual-commune', year: 2024 },
    carried: { standardId: 'awardStandardList.nodes.0.id' },
  },
  {
    title: { vi: 'Đơn vị trước và sau sắp xếp ngày 1/7/2025', en: 'Units across the 1 July 2025 reorganisation' },
    query: `query AcrossReorganisation($code: String!) {
  before: unit(code: $code, asOf: "2025-06-30") {
    code name validTo
    successors { share unit { code name validFrom } }
  }
  after: unit(code: $code, asOf: "2025-07-01") {
    code name validFrom
    predecessors { share unit { code name validTo } }
  }
  # The new province's 2024 figures, summed from the provinces it took over.
  compare(input: { unitCodes: [$code], year: 2024, asOf: "2025-07-01", metrics: ["COMMUNES_NTM"] }) {
    rows { unitName actual numerator denominator approximate }
    notes
  }
}`,
    variables: { code: '56' },
  },
];
