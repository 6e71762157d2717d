import { UnitClass } from '@domain/unit-class';

/** The values a classification scheme takes (the API's SCHEME_VALUES); none for a plain yes/no mark. */
export const SCHEME_VALUES: Record<string, readonly string[]> = {
  ESPECIALLY_DISADVANTAGED: [],
  TERRAIN: ['HIGH_MOUNTAIN', 'LOW_MOUNTAIN', 'LOWLAND'],
  BORDER: [],
  COASTAL: [],
  ISLAND: [],
  COMMUNE_GROUP: ['1', '2', '3'],
};

/** The kinds of a village-level unit (thôn, bản, tổ dân phố …), as the API's VILLAGE_PREFIXES. */
export const VILLAGE_KINDS = [
  'VILLAGE',
  'BAN',
  'BUON',
  'PLEI',
  'SOC',
  'LANG',
  'XOM',
  'HAMLET',
  'RESIDENTIAL_GROUP',
  'RESIDENTIAL_AREA',
  'NEIGHBOURHOOD',
  'KHOM',
] as const;

/** The API's enums, in the order the forms offer them; labels live in the i18n files under `enums.<Enum>`. */
export const ENUMS = {
  UnitLevel: ['NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE'],
  UnitKind: [
    'NATION',
    'PROVINCE',
    'CENTRAL_CITY',
    'URBAN_DISTRICT',
    'RURAL_DISTRICT',
    'TOWN',
    'PROVINCIAL_CITY',
    'COMMUNE',
    'WARD',
    'TOWNSHIP',
    'SPECIAL_ZONE',
    // A village's kinds, the last ones (a unit's kind list ends with them).
    ...VILLAGE_KINDS,
  ],
  ReorganisationKind: ['MERGE', 'SPLIT', 'RENAME', 'TRANSFER'],
  ReorganisationStatus: ['RECORDED', 'WITHDRAWN'],
  CampaignStatus: ['DRAFT', 'ACTIVE', 'CLOSED'],
  Comparator: ['GTE', 'GT', 'EQ', 'LTE', 'LT'],
  IndicatorComparator: ['GTE', 'GT', 'EQ', 'LTE', 'LT', 'BOOL'],
  TargetValueUnit: ['COUNT', 'PERCENT', 'METRIC', 'NONE'],
  CriteriaTier: ['STANDARD', 'ADVANCED', 'MODEL'],
  CriteriaLevel: ['COMMUNE', 'DISTRICT', 'VILLAGE'],
  RecognitionTier: ['NTM', 'ADVANCED', 'MODEL', 'NTM_TASKS_COMPLETED', 'NTM_VILLAGE', 'MODEL_VILLAGE'],
  MilestoneKind: ['ANNUAL', 'MID_TERM_REVIEW', 'FINAL_REVIEW', 'INSPECTION', 'REPORTING', 'TASK_DEADLINE'],
  Recurrence: ['ONCE', 'ANNUAL', 'SEMI_ANNUAL'],
  SubjectType: ['AGENCY', 'DISTRICT', 'COMMUNE', 'VILLAGE', 'ENTERPRISE', 'COOPERATIVE', 'HOUSEHOLD', 'INDIVIDUAL', 'OTHER'],
  ClassificationScheme: ['ESPECIALLY_DISADVANTAGED', 'TERRAIN', 'BORDER', 'COASTAL', 'ISLAND', 'COMMUNE_GROUP'],
  UnitStatus: ['NTM', 'ADVANCED', 'MODEL', 'NTM_TASKS_COMPLETED', 'CIVILISED_URBAN'],
  MetricKind: ['COUNT', 'SHARE', 'AVERAGE', 'VALUE', 'STATUS'],
  Role: ['SYSTEM_ADMIN', 'UNIT_ADMIN', 'ASSESSOR', 'COUNCIL', 'VIEWER'],
  LineageShare: ['FULL', 'PARTIAL'],
  AwardAuthority: ['STATE', 'PRIME_MINISTER', 'MINISTRY', 'PROVINCE', 'DISTRICT', 'COMMUNE'],
  AwardOccasion: ['ANNUAL', 'MID_TERM_REVIEW', 'FINAL_REVIEW', 'ANY'],
  AwardSubjectType: ['AGENCY', 'DISTRICT', 'COMMUNE', 'VILLAGE', 'ENTERPRISE', 'COOPERATIVE', 'HOUSEHOLD', 'INDIVIDUAL', 'OTHER', 'ANY'],
  AwardStandardBasis: ['PLAN_STANDARD', 'EMULATION_CRITERIA', 'REFERENCE'],
  /** The API's UnitClass (server/shared/domain/unit-class.ts); the labels keep their former key. */
  AwardUnitClass: Object.values(UnitClass),
  AwardRuleTier: ['NTM', 'ADVANCED', 'MODEL', 'NTM_TASKS_COMPLETED'],
  AwardRecognitionWindow: ['OCCASION', 'PERIOD', 'YEAR'],
  ContributionScope: ['OWN', 'MOBILISED'],
  ContributorKind: ['HOUSEHOLD', 'INDIVIDUAL', 'ENTERPRISE', 'COOPERATIVE', 'ORGANISATION'],
  ContributionKind: ['MONEY', 'LAND', 'LABOUR', 'ASSETS'],
  NominationStatus: ['DRAFT', 'SUBMITTED', 'APPRAISED', 'COUNCIL_REVIEWED', 'DECIDED', 'RETURNED'],
  DossierItemKind: ['PROPOSAL_LETTER', 'ACHIEVEMENT_SUMMARY', 'COUNCIL_MINUTES', 'OTHER'],
} as const;

export type EnumName = keyof typeof ENUMS;

/** Choices for a SelectInput; react-admin translates the `name` keys. `only` keeps some values (e.g. the village kinds). */
export const enumChoices = (name: EnumName, only?: readonly string[]) =>
  ENUMS[name].filter((id) => !only || only.includes(id)).map((id) => ({ id, name: `enums.${name}.${id}` }));

/** Unit classes a threshold can be limited to (`scheme` or `scheme:value`). */
export const THRESHOLD_UNIT_CLASSES = [
  'ESPECIALLY_DISADVANTAGED',
  'TERRAIN:HIGH_MOUNTAIN',
  'TERRAIN:LOW_MOUNTAIN',
  'TERRAIN:MOUNTAIN',
  'TERRAIN:LOWLAND',
  'BORDER',
  'COASTAL',
  'ISLAND',
];

export const COMPARATOR_SIGN: Record<string, string> = { GT: '>', GTE: '≥', EQ: '=', LTE: '≤', LT: '<', BOOL: '✓' };
