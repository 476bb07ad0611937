import { readdirSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { isResidentPath, residentRoutes } from '../../contract/resident-paths.ts';
import { renderServiceWorker } from '../sw/plugin.ts';
import { residentPages } from './routes.tsx';

/** A path that the route pattern matches: every parameter filled in. */
const sample = (route: string) => route.replace(/:\w+/g, 'x1');

/** Console pages and other paths that must stay with index.html (or the API). */
const notResident = ['/org', '/studios/3', '/sms-settings', '/sx/1', '/api/public/studios', '/records'];

describe('the one list of resident paths', () => {
  it('covers every route of the resident router', () => {
    for (const route of residentRoutes) {
      expect(isResidentPath(sample(route)), route).toBe(true);
      expect(isResidentPath(`${sample(route)}?lang=en`), route).toBe(true);
    }
    for (const path of notResident) expect(isResidentPath(path), path).toBe(false);
  });

  it('gives every file in resident/pages a route (the not-found page aside)', async () => {
    const rendered = new Set(
      residentRoutes.map((route) => (residentPages[route]({}, new URLSearchParams()) as ReactElement).type),
    );
    const files = readdirSync(new URL('./pages/', import.meta.url)).filter(
      (f) => f.endsWith('.tsx') && f !== 'NotFoundPage.tsx',
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const name = file.replace(/\.tsx$/, '');
      const module = (await import(`./pages/${name}.tsx`)) as Record<string, unknown>;
      expect(module[name], `${file} exports ${name}`).toBeTypeOf('function');
      expect(rendered.has(module[name] as ReactElement['type']), `${file} has a route`).toBe(true);
    }
  });

  it('reaches the generated service worker, which leaves the same paths alone', () => {
    const context: Record<string, unknown> = { self: { addEventListener: () => undefined } };
    runInNewContext(renderServiceWorker(), context);
    const swIsResident = context.isResidentPath as (pathname: string) => boolean;
    for (const path of [...residentRoutes.map(sample), ...notResident, '/s', '/board', '/track/'])
      expect(swIsResident(path), path).toBe(isResidentPath(path));
  });
});
