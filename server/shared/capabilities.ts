import { registerEnumType } from 'type-graphql';
import type { Named } from './errors.js';
import { Role } from './identity.js';

/**
 * Năng lực — what a user may do, each within the subtree of a unit that the capability names. One table decides it:
 * every subgraph authorises its operations with the roles listed here, and the console reads the same table (the
 * `capabilities` query) to offer only what will be accepted. A SYSTEM_ADMIN may do everything.
 */
export enum Capability {
  CLASSIFY_UNITS = 'CLASSIFY_UNITS',
  MANAGE_VILLAGES = 'MANAGE_VILLAGES',
  REORGANISE_UNITS = 'REORGANISE_UNITS',
  MANAGE_ACCOUNTS = 'MANAGE_ACCOUNTS',
  LOCK_ACCOUNTS = 'LOCK_ACCOUNTS',
  READ_AUDIT_LOG = 'READ_AUDIT_LOG',
  PLAN_CAMPAIGNS = 'PLAN_CAMPAIGNS',
  IDENTIFY_ISSUERS = 'IDENTIFY_ISSUERS',
  EXTEND_METRICS = 'EXTEND_METRICS',
  EDIT_CRITERIA_SETS = 'EDIT_CRITERIA_SETS',
  RECORD_ASSESSMENTS = 'RECORD_ASSESSMENTS',
  DECIDE_RECOGNITIONS = 'DECIDE_RECOGNITIONS',
  RECORD_CONTRIBUTIONS = 'RECORD_CONTRIBUTIONS',
  RECORD_PRECONDITIONS = 'RECORD_PRECONDITIONS',
  PROPOSE_NOMINATIONS = 'PROPOSE_NOMINATIONS',
  DECIDE_NOMINATIONS = 'DECIDE_NOMINATIONS',
}

export interface CapabilityRule {
  /** What it lets one do: the enum's documentation and the wording of a refusal. */
  description: Named;
  /** Roles that may, over a subtree containing `scope`; SYSTEM_ADMIN always may. */
  roles: readonly Role[];
  /** The operations (and, for a workflow, the steps) this governs; an HTTP write route is named by method and path ("POST /imports/assessments"). */
  operations: readonly string[];
  /** Whose subtree decides, "Vietnamese — English". */
  scope: string;
}

const { UNIT_ADMIN, ASSESSOR, COUNCIL, VIEWER } = Role;

export const CAPABILITIES: Readonly<Record<Capability, CapabilityRule>> = {
  CLASSIFY_UNITS: {
    description: { vi: 'Phân loại đơn vị', en: 'classify units.' },
    roles: [UNIT_ADMIN],
    operations: ['setUnitClassification', 'removeUnitClassification', 'POST /imports/classifications'],
    scope: 'đơn vị được phân loại — the unit classified',
  },
  MANAGE_VILLAGES: {
    description: { vi: 'Quản lý thôn, tổ dân phố', en: 'add, rename and close villages of a commune.' },
    roles: [UNIT_ADMIN],
    operations: ['createVillage', 'createVillages', 'renameVillage', 'closeVillage', 'POST /imports/villages'],
    scope: "xã có thôn — the village's commune",
  },
  REORGANISE_UNITS: {
    description: { vi: 'Sắp xếp đơn vị hành chính', en: 'record and withdraw dated reorganisations.' },
    roles: [],
    operations: ['recordReorganisation', 'withdrawReorganisation'],
    scope: 'chỉ quản trị hệ thống — system administrators only',
  },
  MANAGE_ACCOUNTS: {
    description: { vi: 'Quản lý tài khoản', en: 'list and create accounts with grants.' },
    roles: [UNIT_ADMIN],
    operations: ['users', 'createUser', 'addUserGrant', 'removeUserGrant'],
    scope: 'đơn vị của từng quyền cấp — the unit of each grant',
  },
  LOCK_ACCOUNTS: {
    description: { vi: 'Khóa tài khoản', en: 'lock and unlock accounts.' },
    roles: [],
    operations: ['setUserActive'],
    scope: 'chỉ quản trị hệ thống — system administrators only',
  },
  READ_AUDIT_LOG: {
    description: { vi: 'Xem nhật ký thay đổi', en: 'read the audit log.' },
    roles: [UNIT_ADMIN, COUNCIL, VIEWER],
    operations: ['auditLog'],
    scope: 'đơn vị của bản ghi — the unit of each entry',
  },
  PLAN_CAMPAIGNS: {
    description: { vi: 'Lập kế hoạch phong trào', en: 'campaigns, milestones, targets, award forms and standards.' },
    roles: [UNIT_ADMIN],
    operations: [
      'createCampaign',
      'deriveCampaign',
      'updateCampaign',
      'deleteCampaign',
      'createMilestone',
      'updateMilestone',
      'deleteMilestone',
      'createTarget',
      'updateTarget',
      'deleteTarget',
      'setCampaignAwardForms',
      'createAwardStandard',
      'updateAwardStandard',
      'POST /imports/targets',
    ],
    scope: "đơn vị ban hành phong trào — the campaign's issuer",
  },
  IDENTIFY_ISSUERS: {
    description: { vi: 'Xác định đơn vị ban hành mà văn bản không nêu tên', en: 'name the real unit a placeholder issuer stood for.' },
    roles: [UNIT_ADMIN],
    operations: ['identifyCampaignIssuer'],
    scope: 'đơn vị giữ chỗ ban hành phong trào và đơn vị thật thay nó — both the placeholder issuer and the real unit named',
  },
  EXTEND_METRICS: {
    description: { vi: 'Thêm chỉ số', en: 'extend the metric catalogue.' },
    roles: [UNIT_ADMIN],
    operations: ['createMetric'],
    scope: 'cả nước — the nation',
  },
  EDIT_CRITERIA_SETS: {
    description: { vi: 'Sửa bộ tiêu chí', en: 'derive sets, add criteria and indicators, set thresholds.' },
    roles: [UNIT_ADMIN],
    operations: ['deriveCriteriaSet', 'updateCriteriaSet', 'addCriterion', 'addIndicator', 'overrideThreshold'],
    scope: "đơn vị sở hữu bộ tiêu chí — the set's owner",
  },
  RECORD_ASSESSMENTS: {
    description: { vi: 'Nhập kết quả đánh giá', en: 'record assessments.' },
    roles: [ASSESSOR, UNIT_ADMIN],
    operations: ['recordAssessment', 'POST /imports/assessments'],
    scope: 'đơn vị được đánh giá — the unit assessed',
  },
  DECIDE_RECOGNITIONS: {
    description: { vi: 'Quyết định công nhận', en: 'record and revoke recognition decisions.' },
    roles: [UNIT_ADMIN, COUNCIL],
    operations: ['recordRecognition', 'revokeRecognition'],
    scope: 'đơn vị ra quyết định — the issuing unit',
  },
  RECORD_CONTRIBUTIONS: {
    description: { vi: 'Ghi sổ đóng góp', en: 'record contributions.' },
    roles: [ASSESSOR, UNIT_ADMIN],
    operations: ['recordContribution', 'POST /imports/contributions'],
    scope: "đơn vị của người đóng góp — the contributor's unit",
  },
  RECORD_PRECONDITIONS: {
    description: { vi: 'Ghi điều kiện tiên quyết', en: 'record preconditions.' },
    roles: [ASSESSOR, UNIT_ADMIN, COUNCIL],
    operations: ['recordPrecondition'],
    scope: "đơn vị của đối tượng — the subject's unit",
  },
  // A nomination climbs its levels (docs/awards.md): the proposer submits it to the first; each level appraises, has its
  // council review, and returns it or submits it on; the deciding level decides.
  PROPOSE_NOMINATIONS: {
    description: { vi: 'Lập và trình hồ sơ đề nghị', en: 'create, complete and submit nominations.' },
    roles: [UNIT_ADMIN],
    operations: ['createNomination', 'updateNominationDossier', 'transitionNomination:SUBMITTED'],
    scope:
      'đơn vị trình: lập, hoàn thiện hồ sơ và nộp lên cấp đầu tiên (SUBMITTED từ DRAFT, RETURNED) — the proposing unit: create, complete and submit to the first level (SUBMITTED from DRAFT or RETURNED)',
  },
  DECIDE_NOMINATIONS: {
    description: {
      vi: 'Xét hồ sơ đề nghị ở từng cấp',
      en: 'appraise, review, return and submit on nominations at each level, and decide them at the deciding level.',
    },
    roles: [COUNCIL, UNIT_ADMIN],
    operations: [
      'transitionNomination:APPRAISED',
      'transitionNomination:COUNCIL_REVIEWED',
      'transitionNomination:RETURNED',
      'transitionNomination:SUBMITTED',
      'decideNomination',
    ],
    scope:
      'cấp đang giữ hồ sơ: thẩm định, Hội đồng xét, trả lại hoặc trình tiếp lên cấp trên (SUBMITTED từ COUNCIL_REVIEWED); ở cấp quyết định: ra quyết định — the level holding the nomination: appraise, council review, return, or submit on to the next level (SUBMITTED from COUNCIL_REVIEWED); at the deciding level: decide',
  },
};

/** The capability an import route needs: the one that lists `POST /imports/<kind>` among its operations. */
export function importCapability(kind: string): Capability {
  const route = `POST /imports/${kind}`;
  const found = (Object.keys(CAPABILITIES) as Capability[]).find((capability) => CAPABILITIES[capability].operations.includes(route));
  if (!found) throw new Error(`No capability lists the import route ${route} (shared/capabilities.ts)`);
  return found;
}

/** Operations anyone may call, or that act on the caller's own account: no capability governs them. */
export const UNGOVERNED_OPERATIONS: Readonly<Record<string, string>> = {
  login: 'công khai — public: signing in needs no role (throttled instead)',
  changePassword: "tài khoản của chính mình — the caller's own account",
};

registerEnumType(Capability, {
  name: 'Capability',
  description: 'Năng lực — what a user may do within a subtree (see the `capabilities` query for the roles and operations of each).',
  valuesConfig: Object.fromEntries(
    Object.entries(CAPABILITIES).map(([capability, { description }]) => [
      capability,
      { description: `${description.vi} — ${description.en}` },
    ]),
  ),
});
