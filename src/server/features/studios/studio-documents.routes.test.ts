import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { createStudio } from '../../../../test/factories/studios.ts';
import { pdfPages, pdfText, readQrCode } from '../../documents/pdf-inspection.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { HUIMIN_PUBLIC_URL: 'https://huimin.example.cn' } });
});
afterAll(() => t.close());

describe('studio documents', () => {
  it('render the signed agreement as PDF with its Chinese text and the unpaid clause', async () => {
    const id = (
      await t.db.selectFrom('studios').select('id').where('name', '=', '婉珍文艺专业服务室').executeTakeFirstOrThrow()
    ).id;
    const res = await (await t.login('xicheng')).get(`/api/studios/${id}/contract.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // Saved under what it is, not contract.pdf.
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="contract.pdf"; filename*=UTF-8''${encodeURIComponent('婉珍文艺专业服务室-服务协议.pdf')}`,
    );
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('婉珍文艺专业服务室');
    expect(text).toContain('不领取任何报酬');
  });

  it('render the plaque certificate with a QR code that opens the studio’s public page', async () => {
    const id = (
      await t.db.selectFrom('studios').select('id').where('name', '=', '婉珍文艺专业服务室').executeTakeFirstOrThrow()
    ).id;
    const res = await (await t.login('xixing')).get(`/api/studios/${id}/plaque.pdf`);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('婉珍文艺专业服务室-牌匾证书.pdf'));
    expect((await pdfText(res.rawPayload)).replace(/\s+/g, '')).toContain('XL-2011-0002');
    const [page] = await pdfPages(res.rawPayload, 150);
    expect(readQrCode(page ?? Buffer.alloc(0))).toBe(`https://huimin.example.cn/s/${id}`);
  });

  it('serve printable pages in the reader’s language, and 404 before there is anything to print', async () => {
    const id = (
      await t.db.selectFrom('studios').select('id').where('name', '=', '婉珍文艺专业服务室').executeTakeFirstOrThrow()
    ).id;
    const street = await t.login('xicheng');
    const html = await street.get(`/api/studios/${id}/plaque.html?lang=zh-TW`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('婉珍文艺专业服务室');
    const draft = await createStudio(t.db, { status: 'approved' });
    expect((await street.get(`/api/studios/${draft.id}/contract.pdf`)).statusCode).toBe(404);
    expect((await (await t.login('zhongcheng')).get(`/api/studios/${id}/plaque.pdf`)).statusCode).toBe(404);
  });
});

describe('a revoked plaque', () => {
  it('is no longer printed as valid, and its public page and QR code say it was revoked', async () => {
    const street = await t.login('xicheng');
    const { id } = await createStudio(t.db, { status: 'contracted' });
    const awarded = await street.post(`/api/studios/${id}/plaque`, {
      plaqueNumber: 'XL-TEST-REV',
      awardedOn: '2026-11-20',
    });
    expect(awarded.statusCode).toBe(200);
    expect((await street.get(`/api/studios/${id}/plaque.pdf`)).statusCode).toBe(200);

    const revoked = await street.post(`/api/studios/${id}/revoke`, { reason: '违规收费', decidedOn: '2026-11-25' });
    expect(revoked.statusCode).toBe(200);
    for (const url of [`/api/studios/${id}/plaque.pdf`, `/api/studios/${id}/plaque.html`]) {
      const res = await street.get(url);
      expect(res.statusCode, url).toBe(409);
      expect(res.json()).toMatchObject({ code: 'PLAQUE_RETIRED' });
      expect(res.json().message).toContain('XL-TEST-REV');
      expect(res.json().message).toContain('取消');
    }
    // The QR code already on the wall opens the public page, which says the plaque was revoked.
    const page = await t.app.inject({ method: 'GET', url: `/api/public/studios/${id}` });
    expect(page.json()).toMatchObject({
      status: 'revoked',
      serving: false,
      statusNote: '违规收费',
      contactPhone: null,
      commitments: [],
      publicUrl: `https://huimin.example.cn/s/${id}`,
    });
  });
});

describe('service cards (便民服务卡)', () => {
  it('print a member’s card with Chinese text and a QR code that decodes to the studio’s page and rating form', async () => {
    const id = (
      await t.db
        .selectFrom('studios')
        .select('id')
        .where('name', '=', '来发医疗卫生专业服务室')
        .executeTakeFirstOrThrow()
    ).id;
    const res = await (await t.login('zhongcheng')).get(`/api/studios/${id}/cards.pdf`);
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('蒋来发');
    expect(text).toContain('便民服务卡');
    const pages = await pdfPages(res.rawPayload, 300);
    expect(pages).toHaveLength(2);
    expect(readQrCode(pages[1] ?? Buffer.alloc(0))).toBe(`https://huimin.example.cn/s/${id}?rate=1`);
  });

  it('print a batch for every member of a street on A4 sheets', async () => {
    const res = await (await t.login('xicheng')).get('/api/service-cards.pdf');
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('张婉珍');
    expect(text).toContain('陈惠敏');
    expect(text).not.toContain('蒋来发');
  });
});
