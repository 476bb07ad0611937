import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { qrCodeSvg } from '../../documents/qr-code.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';

// The public address printed on QR codes and put in SMS links: a setting, never the Host header.
let t: TestApp;
let active = 0;
beforeAll(async () => {
  t = await createTestApp({ config: { HUIMIN_PUBLIC_URL: undefined } });
  active = (
    await t.db.selectFrom('studios').select('id').where('name', '=', '婉珍文艺专业服务室').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

/** The modules of a QR code for `url`, as the SVG path the app draws (the same encoder and level). */
async function qrPath(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const d = /<path[^>]* d="([^"]+)"/.exec(svg)?.[1];
  if (!d) throw new Error('no QR path');
  return d;
}

const printed = () => [
  `/api/studios/${active}/plaque.pdf`,
  `/api/studios/${active}/plaque.html`,
  `/api/studios/${active}/cards.pdf`,
  `/api/studios/${active}/commitments/preview`,
];

describe('before a public address is set', () => {
  it('refuses printed QR codes and SMS links with PUBLIC_URL_NOT_SET, whatever Host the browser used', async () => {
    const street = await t.login('xicheng');
    for (const url of printed()) {
      const res = await street.request({ method: 'GET', url, headers: { host: 'huimin.xinluo.gov.cn' } });
      expect(res.statusCode, url).toBe(409);
      expect(res.json(), url).toMatchObject({ code: 'PUBLIC_URL_NOT_SET' });
      expect(res.json().message).toContain('公开访问地址');
    }
    const qr = await t.app.inject({
      method: 'GET',
      url: `/api/public/studios/${active}/qr.svg`,
      headers: { 'accept-language': 'en', host: 'huimin.xinluo.gov.cn' },
    });
    expect(qr.statusCode).toBe(409);
    expect(qr.json()).toMatchObject({ code: 'PUBLIC_URL_NOT_SET' });
    expect(qr.json().message).toContain('public address is not set');
  });

  it('refuses publishing commitments by SMS and sends nothing', async () => {
    const member = await t.login('zhangwanzhen');
    const before = await t.db.selectFrom('outbox').select('id').execute();
    const res = await member.post(`/api/studios/${active}/commitments/publish`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PUBLIC_URL_NOT_SET');
    expect(await t.db.selectFrom('outbox').select('id').execute()).toHaveLength(before.length);
  });

  it('shows the public page without an address rather than one made from the request', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/studios/${active}`,
      headers: { host: 'evil.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().publicUrl).toBeNull();
    expect(res.body).not.toContain('evil.example');
  });
});

describe('GET and PUT /api/settings/public-address', () => {
  it('is the district admin’s: a street admin is refused', async () => {
    const street = await t.login('xicheng');
    expect((await street.get('/api/settings/public-address')).statusCode).toBe(403);
    expect((await street.put('/api/settings/public-address', { url: 'https://x.example' })).statusCode).toBe(403);
  });

  it('refuses what is not an http(s) address without query or fragment', async () => {
    const admin = await t.login('admin');
    for (const url of [
      'javascript:alert(1)',
      'ftp://huimin.example.cn',
      'https://x.example/?a=1',
      'https://x.example/#s',
      'huimin.example.cn',
      'https://u:p@x.example',
    ]) {
      const res = await admin.put('/api/settings/public-address', { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('once saved, prints it on the plaque, the QR code and the SMS, not the Host header; audited', async () => {
    const admin = await t.login('admin');
    expect((await admin.get('/api/settings/public-address')).json()).toEqual({ url: null, source: null });
    const before = await t.auditCount();
    const saved = await admin.put('/api/settings/public-address', { url: 'https://huimin.xinluo.gov.cn/' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ url: 'https://huimin.xinluo.gov.cn', source: 'setting' });
    expect(await t.auditCount()).toBe(before + 1);

    const street = await t.login('xicheng');
    const html = await street.request({
      method: 'GET',
      url: `/api/studios/${active}/plaque.html`,
      headers: { host: 'evil.example' },
    });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(qrCodeSvg(`https://huimin.xinluo.gov.cn/s/${active}`, '扫码查看服务信息'));
    expect(html.body).not.toContain('evil.example');
    const preview = await street.get(`/api/studios/${active}/commitments/preview`);
    expect(preview.statusCode).toBe(200);
    expect(JSON.stringify(preview.json())).toContain(`huimin.xinluo.gov.cn/s/${active}`);
    const page = await t.app.inject({ method: 'GET', url: `/api/public/studios/${active}` });
    expect(page.json().publicUrl).toBe(`https://huimin.xinluo.gov.cn/s/${active}`);
    const qr = await t.app.inject({ method: 'GET', url: `/api/public/studios/${active}/qr.svg` });
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toContain(await qrPath(`https://huimin.xinluo.gov.cn/s/${active}`));

    // Cleared, it is unset again (no environment address here), and printing is refused again.
    expect((await admin.put('/api/settings/public-address', { url: null })).json()).toEqual({
      url: null,
      source: null,
    });
    expect((await street.get(`/api/studios/${active}/plaque.pdf`)).statusCode).toBe(409);
  });
});

describe('with HUIMIN_PUBLIC_URL in the environment', () => {
  it('uses it until the district saves its own', async () => {
    const env = await createTestApp({ config: { HUIMIN_PUBLIC_URL: 'https://env.example.cn/huimin/' } });
    try {
      const admin = await env.login('admin');
      expect((await admin.get('/api/settings/public-address')).json()).toEqual({
        url: 'https://env.example.cn/huimin',
        source: 'environment',
      });
      await admin.put('/api/settings/public-address', { url: 'https://huimin.xinluo.gov.cn' });
      expect((await admin.get('/api/settings/public-address')).json().source).toBe('setting');
    } finally {
      await env.close();
    }
  });
});
