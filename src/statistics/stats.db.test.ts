import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { backends } from '../../test/support/db.ts';
import { createTestApp, T, type Client, type TestApp } from '../../test/support/app.ts';
import { makeIdNumber } from '../core/idnumber.ts';

// A hand-counted story in the test tree:
//   A joins 东海海运 (定海) 2023-03-01
//   B joins 东海海运 (定海) 2024-06-01
//   C joins 普陀水产 (普陀) 2024-02-01, transferred to 东海海运 (定海) 2025-03-01
//   D joins 东海海运 (定海) 2022-01-01, leaves 2025-06-30
for (const backend of backends()) {
  describe(`figures up the tree and the work report [${backend}]`, () => {
    let t: TestApp;
    let zs: Client;
    let leader: Client;
    beforeAll(async () => {
      t = await createTestApp(backend);
      zs = await t.login('zs_org');
      leader = await t.login('zs_leader');
      const add = async (name: string, seq: number, orgId: number, joinDate: string) => {
        const r = await zs.post('/api/members', { name, idNumber: makeIdNumber('330902', '1985-05-05', seq), orgId, employmentForm: 'full_time', joinDate });
        expect(r.statusCode, r.body).toBe(200);
        return r.json().id as number;
      };
      await add('会员甲', 1, T.donghaiBase, '2023-03-01');
      await add('会员乙', 2, T.donghaiBase, '2024-06-01');
      const c = await add('会员丙', 3, T.putuoBase, '2024-02-01');
      const d = await add('会员丁', 4, T.donghaiBase, '2022-01-01');
      expect((await zs.post(`/api/members/${c}/transfer`, { toOrgId: T.donghaiBase, reason: '调动', outDate: '2025-03-01' })).json().status).toBe('completed');
      expect((await zs.post(`/api/members/${d}/leave`, { status: 'withdrawn', date: '2025-06-30', reason: '离职' })).statusCode).toBe(200);
    });
    afterAll(() => t.close());

    const value = async (orgId: number, from: string, to: string, key: string) => {
      const s = (await leader.get(`/api/stats/summary?orgId=${orgId}&from=${from}&to=${to}`)).json();
      for (const a of s.areas) for (const f of a.figures) if (f.key === key) return f.value;
      throw new Error(`no ${key}`);
    };

    it('counts members at the period end and the period\'s movements, by subtree', async () => {
      expect(await value(T.dinghai, '2025-01-01', '2025-12-31', 'membership.members')).toBe(3); // A, B, C
      expect(await value(T.dinghai, '2025-01-01', '2025-12-31', 'membership.joined')).toBe(0);
      expect(await value(T.dinghai, '2025-01-01', '2025-12-31', 'membership.transferredIn')).toBe(1); // C
      expect(await value(T.dinghai, '2025-01-01', '2025-12-31', 'membership.left')).toBe(1); // D
      expect(await value(T.dinghai, '2024-01-01', '2024-12-31', 'membership.members')).toBe(3); // A, B, D
      expect(await value(T.dinghai, '2024-01-01', '2024-12-31', 'membership.joined')).toBe(1); // B
      expect(await value(T.putuo, '2024-01-01', '2024-12-31', 'membership.members')).toBe(1); // C
      expect(await value(T.putuo, '2025-01-01', '2025-12-31', 'membership.members')).toBe(0);
      expect(await value(T.zhoushan, '2024-01-01', '2024-12-31', 'membership.joined')).toBe(2); // B, C
      expect(await value(T.zhoushan, '2024-01-01', '2024-12-31', 'membership.members')).toBe(4);
      // Across the transfer date: C is in 普陀 on 2025-02-28 and in 定海 on 2025-03-01.
      expect(await value(T.putuo, '2025-01-01', '2025-02-28', 'membership.members')).toBe(1);
      expect(await value(T.putuo, '2025-01-01', '2025-03-01', 'membership.members')).toBe(0);
    });

    it('counts a moved union under its new parent for every period (现行口径)', async () => {
      expect((await zs.post(`/api/orgs/${T.changguo}/move`, { parentId: T.putuo, effectiveOn: '2025-07-01' })).statusCode).toBe(200);
      try {
        expect(await value(T.putuo, '2024-01-01', '2024-12-31', 'membership.members')).toBe(4); // A, B, D under 昌国 + C
        expect(await value(T.dinghai, '2024-01-01', '2024-12-31', 'membership.members')).toBe(0);
        expect(await value(T.zhoushan, '2024-01-01', '2024-12-31', 'membership.members')).toBe(4); // the total does not change
      } finally {
        await zs.post(`/api/orgs/${T.changguo}/move`, { parentId: T.dinghai });
      }
    });

    it('breaks a figure down by the unions one level down, and trends it by month', async () => {
      const b = (await leader.get(`/api/stats/breakdown?orgId=${T.zhoushan}&from=2024-01-01&to=2024-12-31&key=membership.members`)).json();
      expect(b.items.map((i: { name: string; value: number }) => [i.name, i.value])).toEqual([['定海区总工会', 3], ['普陀区总工会', 1]]);
      const tr = (await leader.get(`/api/stats/trend?orgId=${T.dinghai}&from=2025-01-01&to=2025-12-31&key=membership.members&by=month`)).json();
      // C arrives 1 March; D's last day as a member is 30 June.
      expect(tr.points.map((p: { value: number }) => p.value)).toEqual([3, 3, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3]);
      const bad = await leader.get(`/api/stats/trend?orgId=${T.dinghai}&key=nothing.here`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('FIGURE_UNKNOWN');
      const inverted = await leader.get(`/api/stats/summary?orgId=${T.dinghai}&from=2025-12-31&to=2025-01-01`);
      expect(inverted.json().error.code).toBe('PERIOD_INVERTED');
    });

    it('writes the report in the seeds\' style, and JSON, Word and Excel carry the same numbers', async () => {
      const q = `orgId=${T.dinghai}&from=2025-01-01&to=2025-12-31`;
      const report = (await leader.get(`/api/reports/work-report?${q}`)).json();
      const base = report.sections.find((s: { title: string }) => s.title === '基层基础');
      expect(base.paragraphs[0]).toContain('2025年,全区各级工会共转入会员1人次,退会、去世会员1人。');
      expect(base.paragraphs[0]).toContain('截至2025年底,全区');
      expect(base.paragraphs[0]).toContain('工会会员3人');
      // Sections with nothing to say are left out.
      expect(report.sections.map((s: { title: string }) => s.title)).toEqual(['基层基础']);

      const docx = await leader.get(`/api/reports/work-report?${q}&format=docx`);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      const docText = xml.replace(/<[^>]+>/g, '');
      for (const p of base.paragraphs) expect(docText).toContain(p);
      const xlsx = await leader.get(`/api/reports/work-report?${q}&format=xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const rows = wb.getWorksheet('指标')!.getSheetValues().slice(2) as unknown[][];
      const fromXlsx = Object.fromEntries(rows.map((r) => [String(r[8]), r[3]]));
      for (const row of report.table) {
        expect(fromXlsx[row.key], row.key).toEqual(row.value);
        expect(docText, row.key).toContain(row.text);
      }
      // And the same as the summary API and the dashboard.
      const summary = (await leader.get(`/api/stats/summary?${q}`)).json();
      const dash = (await leader.get(`/api/stats/dashboard?${q}`)).json();
      expect(dash.current).toEqual(summary);
      for (const row of report.table) expect(await value(T.dinghai, '2025-01-01', '2025-12-31', row.key)).toEqual(row.value);
      const exports = await t.ctx.db.selectFrom('audit_log').select('detail').where('entity', '=', 'work_report').execute();
      expect(exports.length).toBe(3);
    });

    it('runs a long report as a job with a download', async () => {
      const r = await leader.get(`/api/reports/work-report?orgId=${T.zhoushan}&from=2021-01-01&to=2025-12-31&format=docx&async=true`);
      expect(r.statusCode).toBe(202);
      let job = r.json();
      for (let i = 0; i < 50 && job.status !== 'done' && job.status !== 'failed'; i++) {
        await new Promise((res) => setTimeout(res, 100));
        job = (await leader.get(`/api/jobs/${job.id}`)).json();
      }
      expect(job.status).toBe('done');
      expect(job.result.title).toContain('舟山市总工会工作成绩单(2021—2025年)');
      const file = await leader.get(job.result.download);
      expect(file.statusCode).toBe(200);
      expect((await (await t.login('zs_org')).get(job.result.download)).statusCode).toBe(404); // only its starter
    });
  });
}
