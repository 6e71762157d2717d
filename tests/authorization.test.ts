import { beforeAll, describe, expect, it } from 'vitest';
import './support/provided-context.js';
import { tokenFor } from './support/auth.js';
import { ASSESSMENT_TABLES, authorisationMatrix, fixtures } from './support/authorization-cases.js';
import { gql } from './support/client.js';
import { rowCounts } from './support/db.js';
import { hubUrl } from './support/hub.js';

/** The authorisation matrix (tests/support/authorization-cases.ts) through the hub's own gateway. */
authorisationMatrix(() => [`${hubUrl()}/graphql`]);

/**
 * Write routes (imports): a file with one row on a Khánh Hòa unit, sent by Bắc Kạn's administrator, is refused
 * whole — the job REFUSED for lack of permission — and nothing is written.
 */
const ROUTE_CASES: Record<string, { body: string | (() => string); tables: string[] }> = {
  'POST /imports/assessments': {
    body: 'Mã đơn vị,Năm,Bộ tiêu chí,TC1\r\n22384,2024,COMMUNE-NTM-2021-2025,Đạt\r\n',
    tables: [...ASSESSMENT_TABLES, 'audit.audit_log'],
  },
  'POST /imports/villages': {
    body: 'Mã xã,Tên thôn,Ngày đọc mã xã\r\n22384,Kiểm Quyền Nhập,2024-06-30\r\n',
    tables: ['units.unit', 'audit.audit_log'],
  },
  'POST /imports/classifications': {
    body: 'Mã đơn vị,Loại phân loại,Ngày đọc mã\r\n22384,Biên giới,2024-06-30\r\n',
    tables: ['units.unit_classification', 'audit.audit_log'],
  },
  'POST /imports/targets': {
    body: () =>
      `Mã phong trào,Mã đơn vị,Mã chỉ số,Phép so sánh,Tính bằng,Giá trị\r\n${fixtures.campaignId},574,COMMUNES_NTM,GTE,COUNT,1\r\n`,
    tables: ['campaigns.target', 'audit.audit_log'],
  },
  'POST /imports/contributions': {
    body: () =>
      `Mã phong trào,Loại người đóng góp,Tên người đóng góp,Mã đơn vị,Ngày đóng góp,Loại đóng góp,Giá trị (đồng)\r\n${fixtures.campaignId},Hộ gia đình,Kiểm Quyền Nhập,22384,2024-05-01,Tiền,1000\r\n`,
    tables: ['awards.contributor', 'awards.contribution', 'audit.audit_log'],
  },
};

describe('subtree authorisation of every import route', () => {
  let intruder: string;
  beforeAll(async () => {
    intruder = await tokenFor('UNIT_ADMIN', '06');
  });

  it('has a case for every write route of the capability table', async () => {
    const table = (await gql('{ capabilities { operations } }')).data.capabilities as { operations: string[] }[];
    const routes = table.flatMap((rule) => rule.operations.filter((op) => /^(POST|PUT|DELETE) \//.test(op))).sort();
    expect(Object.keys(ROUTE_CASES).sort()).toEqual(routes);
  });

  for (const [route, testCase] of Object.entries(ROUTE_CASES)) {
    it(`refuses ${route} a file touching another province and writes nothing`, async () => {
      const before = await rowCounts(testCase.tables);
      const [method, path] = route.split(' ');
      const response = await fetch(`${hubUrl()}${path}?wait=true&commit=true`, {
        method,
        headers: { authorization: `Bearer ${intruder}` },
        body: typeof testCase.body === 'function' ? testCase.body() : testCase.body,
      });
      const { job } = (await response.json()) as { job: { status: string; message: string } };
      expect(job.status).toBe('REFUSED');
      expect(job.message).toContain('không có quyền');
      expect(await rowCounts(testCase.tables)).toEqual(before);
    });
  }
});
