import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../contract/statistics.ts';
import { renderText } from '../../../domain/statistics/bulletin.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { buildRecord } from '../../../../test/factories/records.ts';

let t: TestApp;
let admin: Client;
let xicheng: Client;
let zhongchengStreet: number;

const period = { from: '2026-10-01', to: '2026-12-01' };
const text = (b: Bulletin) =>
  [
    b.content.title,
    b.content.subtitle,
    b.content.opening,
    ...b.content.sections.flatMap((s) => [s.lead, ...s.paragraphs]),
  ]
    .map((x) => renderText(x, b.content.figures))
    .join('\n');

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  xicheng = await t.login('xicheng');
  zhongchengStreet = await t.unitId('350802004000');
  const xixing = await t.unitId('350802003004');
  // Three records of 张婉珍's studio in 西兴社区 in the period, one before it.
  const wanzhen = await t.db
    .selectFrom('studios')
    .select('id')
    .where('name', '=', '婉珍文艺专业服务室')
    .executeTakeFirstOrThrow();
  for (const servedAt of ['2026-10-05T02:00:00.000Z', '2026-10-06T02:00:00.000Z', '2026-11-07T02:00:00.000Z'])
    await buildRecord(t.db, { studioId: wanzhen.id, servedAt });
  await buildRecord(t.db, { unitId: xixing, servedAt: '2026-09-05T02:00:00.000Z' });
});
afterAll(() => t.close());

describe('POST /api/bulletins', () => {
  it('drafts the bulletin of the district for a period from its data, numbered for the year', async () => {
    const res = await admin.post('/api/bulletins', period);
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json() as Bulletin;
    expect(b.content.masthead).toMatchObject({ name: '简报', number: 1, year: 2026, issuer: '中共新罗区委组织部' });
    expect(b.content.figures.personTimes).toMatchObject({ value: 3 });
    expect(b.content.figures.personTimes!.source).toContain('/records?');
    expect(text(b)).toContain('2026年10月1日至2026年11月30日累计为群众提供专业服务3人次');
    expect(text(b)).toContain(`共有在岗“共产党员专业服务工作室”${b.content.figures.studiosServing!.value}个`);
    // The studio that served most in the period is named first, with its leader and what it does.
    expect(text(b)).toContain('如，西城街道西兴社区党员张婉珍依托“婉珍文艺专业服务室”，发挥书法、音乐、绘画特长');
    expect(b.allowedActions).toEqual(['update']);
    const second = (await admin.post('/api/bulletins', period)).json() as Bulletin;
    expect(second.number).toBe(2);
  });

  it('gives a street its own subtree only (another street 404), and a community admin none (403)', async () => {
    const own = await xicheng.post('/api/bulletins', period);
    expect(own.statusCode).toBe(201);
    expect((own.json() as Bulletin).content.masthead.issuer).toBe('中共西城街道工作委员会');
    expect((await xicheng.post('/api/bulletins', { ...period, under: zhongchengStreet })).statusCode).toBe(404);
    expect((await (await t.login('xixing')).post('/api/bulletins', period)).statusCode).toBe(403);
  });
});

describe('editing and exporting a bulletin', () => {
  let b: Bulletin;
  beforeAll(async () => {
    b = (await admin.post('/api/bulletins', period)).json() as Bulletin;
  });

  it('keeps an edited sentence as a new version, its figures still traceable, and refuses a stale edit', async () => {
    const audits = await t.auditCount();
    const { masthead: _m, figures: _f, ...editable } = b.content;
    const opening = `本期，新罗区各“工作室”共服务群众{{personTimes}}人次。`;
    const res = await admin.put(`/api/bulletins/${b.id}`, { ...editable, opening, version: b.version });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json() as Bulletin;
    expect(edited.version).toBe(2);
    expect(renderText(edited.content.opening, edited.content.figures)).toBe('本期，新罗区各“工作室”共服务群众3人次。');
    expect(await t.auditCount()).toBe(audits + 1);
    const stale = await admin.put(`/api/bulletins/${b.id}`, { ...editable, opening, version: 1 });
    expect(stale.statusCode).toBe(409);
    b = edited;
  });

  it('exports .docx with the masthead in red and the official font names', async () => {
    const res = await admin.get(`/api/bulletins/${b.id}/export.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('E60000');
    expect(xml).toContain(`第 ${b.number} 期`);
    expect(xml).toContain('本期，新罗区各“工作室”共服务群众3人次。');
    expect(xml).toContain('共印 60 份');
  });

  it('renders a print view with the figures marked by the query behind them', async () => {
    const res = await admin.get(`/api/bulletins/${b.id}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<p class="masthead">简报</p>');
    expect(res.body).toMatch(/<span class="figure" title="服务人次：[^"]+">3<\/span>/);
  });

  it('exports a PDF with the open font embedded, Chinese text and the red masthead', async () => {
    const res = await admin.get(`/api/bulletins/${b.id}/export.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-'));
    const file = join(dir, 'b.pdf');
    writeFileSync(file, res.rawPayload);
    // The text a reader copies out of it, in reading order.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('简');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(`第${b.number}期`);
    expect(text).toContain('中共新罗区委组织部');
    expect(flat).toContain('本期，新罗区各“工作室”共服务群众3人次。');
    expect(text).toMatch(/共印 60 份/);
    // No line starts with a full stop or an enumeration comma (Chinese line breaking, 禁则).
    // (A comma after a closing bracket is set half-width by Chromium, so text extraction
    // reports it as a chunk of its own; the image shows it on the bracket's line.)
    const lines = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\n');
    expect(lines.filter((l) => /^\s*[。、；：”》]/.test(l))).toEqual([]);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSerifSC/);
    expect(
      fonts
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '')
        .every((l) => / yes +yes /.test(l)),
    ).toBe(true);
    // Drawn as an image: the masthead's red is on the first page.
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page-1.png')));
    let red = 0;
    for (let i = 0; i < png.data.length; i += 4)
      if (png.data[i]! > 200 && png.data[i + 1]! < 60 && png.data[i + 2]! < 60) red += 1;
    expect(red).toBeGreaterThan(200);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('lists the bulletins of the subtree; a street does not see the district’s', async () => {
    const all = (await admin.get('/api/bulletins')).json() as Array<{ id: number }>;
    expect(all.map((x) => x.id)).toContain(b.id);
    const street = (await xicheng.get('/api/bulletins')).json() as Array<{ id: number }>;
    expect(street.map((x) => x.id)).not.toContain(b.id);
    expect((await xicheng.get(`/api/bulletins/${b.id}`)).statusCode).toBe(404);
  });
});
