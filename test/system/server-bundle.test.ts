import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../server-process.ts';
import { anonymous, signInAt } from './http.ts';

/**
 * The bundled server (`npm run build`, dist/server) is what production and the e2e suite run.
 * In a private copy of the checkout: the bundle starts, finds the files its modules read next to
 * themselves (password list, map outline, fonts, swagger-ui's assets) and loads the libraries left
 * outside it (exceljs, pdfkit); and a change to any source it was built from sends the server back
 * to the sources, while a file merely touched does not.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
let app: string;
let server: ServerProcess | undefined;

async function start(): Promise<ServerProcess> {
  await server?.stop();
  server = await startServer(
    { HUIMIN_DEMO: '1', HUIMIN_PUBLIC_URL: 'https://huimin.example.cn' },
    60_000,
    join(app, 'src', 'server', 'start.js'),
  );
  return server;
}

const runsFrom = async (s: ServerProcess) =>
  ((await (await fetch(`${s.url}/api/health`)).json()) as { runsFrom: string }).runsFrom;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'huimin-bundle-'));
  for (const part of ['src', 'assets', 'scripts', 'package.json'])
    cpSync(join(repoRoot, part), join(app, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(app, 'node_modules'), 'dir');
  const built = spawnSync(process.execPath, [join(app, 'scripts', 'build-server.ts')], { cwd: app, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(app, { recursive: true, force: true });
});

describe('the server bundle', () => {
  it('serves from the bundle, with the files and libraries its modules load', async () => {
    const s = await start();
    expect(await runsFrom(s)).toBe('bundle');
    expect(s.output()).not.toMatch(/starting from source/);

    const admin = await signInAt(() => s.url, 'admin');
    // The district outline is read from assets/ relative to the siting module.
    const outline = await admin.get('/api/map/outline');
    expect(outline.status).toBe(200);
    expect(((await outline.json()) as { type: string }).type).toBe('FeatureCollection');
    // exceljs, loaded on first use from node_modules.
    const xlsx = await admin.get('/api/accounts/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    // pdfkit with the bundled font found beside its module.
    const cards = await (await signInAt(() => s.url, 'xicheng')).get('/api/service-cards.pdf');
    expect(cards.status).toBe(200);
    expect(
      Buffer.from(await cards.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // swagger-ui's own files, served from its package directory.
    expect((await anonymous(() => s.url).get('/api/docs/static/swagger-ui-bundle.js')).status).toBe(200);
    // The common-password list, read next to passwords.ts: a listed password is refused.
    const weak = await admin.post('/api/auth/password', {
      currentPassword: 'Huimin@2026',
      newPassword: '1q2w3e4r5t6y',
    });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { code: string }).code).toBe('PASSWORD_TOO_COMMON');
  });

  it('keeps the bundle when a source is only touched, and leaves it when one changes', async () => {
    const serve = join(app, 'src', 'server', 'serve.ts');
    utimesSync(serve, new Date(), new Date(Date.now() + 60_000));
    expect(await runsFrom(await start())).toBe('bundle');

    appendFileSync(serve, '\n// changed after the build\n');
    const s = await start();
    expect(await runsFrom(s)).toBe('source');
    expect(s.output()).toMatch(/server bundle is older than src\/server\/serve\.ts: starting from source/);
  });
});
