import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../test/support/app.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << >> endobj\n%%EOF\n')]);

for (const backend of backends()) {
  describe(`attachments [${backend}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(backend);
    });
    afterAll(() => t.close());

    const upload = (c: Awaited<ReturnType<TestApp['login']>>, name: string, body: Buffer) =>
      t.app.inject({ method: 'POST', url: `/api/attachments?fileName=${encodeURIComponent(name)}`, payload: body, headers: { cookie: c.cookie!, 'x-csrf-token': c.csrfToken!, 'content-type': 'application/octet-stream' } });

    it('stores a PDF and gives it back to the uploader and to officers above', async () => {
      const dh = await t.login('dh_org');
      const r = await upload(dh, '住院发票.pdf', PDF);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ fileName: '住院发票.pdf', mime: 'application/pdf', size: PDF.length });
      const id = r.json().id;
      const back = await dh.get(`/api/attachments/${id}`);
      expect(back.statusCode).toBe(200);
      expect(Buffer.from(back.rawPayload).equals(PDF)).toBe(true);
      expect(back.headers['content-disposition']).toContain(encodeURIComponent('住院发票.pdf'));
      expect((await (await t.login('zs_leader')).get(`/api/attachments/${id}`)).statusCode).toBe(200);
      expect((await (await t.login('hz_org')).get(`/api/attachments/${id}`)).statusCode).toBe(404);
    });

    it('refuses files whose content does not match their name, and unknown types', async () => {
      const dh = await t.login('dh_org');
      const fake = await upload(dh, 'bill.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
      expect(fake.statusCode).toBe(400);
      expect(fake.json().error.code).toBe('ATTACHMENT_CONTENT');
      const exe = await upload(dh, 'virus.exe', Buffer.from('MZ'));
      expect(exe.json().error.code).toBe('ATTACHMENT_TYPE');
      const empty = await upload(dh, 'a.pdf', Buffer.alloc(0));
      expect(empty.statusCode).toBe(400);
      expect(Number((await t.ctx.db.selectFrom('attachment').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(1);
    });
  });
}
