import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import type { Category, StaffCategory } from '../../../contract/categories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('service categories', () => {
  it('ship 11 by default: the five the bulletin names first, in three languages', async () => {
    const list = (await (await t.login('zhangwanzhen')).get('/api/categories')).json() as Category[];
    expect(list).toHaveLength(11);
    expect(list.slice(0, 5).map((c) => c.name['zh-CN'])).toEqual([
      '政策法律咨询',
      '文化宣传',
      '计生服务',
      '就业指导',
      '医疗保健',
    ]);
    expect(list[0]?.name).toEqual({ 'zh-CN': '政策法律咨询', 'zh-TW': '政策法律諮詢', en: 'Policy and legal advice' });
  });

  it('are renamed, reordered and disabled by the district admin only, audited', async () => {
    const admin = await t.login('admin');
    const list = (await admin.get('/api/categories')).json() as Category[];
    const repair = list.find((c) => c.code === 'repair');
    const body = {
      code: 'repair',
      name: { 'zh-CN': '便民维修服务', 'zh-TW': '便民維修服務', en: 'Repairs' },
      icon: 'Tool',
      color: '#333333',
      position: 12,
      enabled: false,
    };
    expect((await (await t.login('xicheng')).put(`/api/categories/${repair?.id}`, body)).statusCode).toBe(403);
    const res = await admin.put(`/api/categories/${repair?.id}`, body);
    expect(res.json()).toMatchObject({ name: { 'zh-CN': '便民维修服务' }, enabled: false, position: 12 });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/public/categories' })).json().map((c: Category) => c.code),
    ).not.toContain('repair');
    expect((await admin.post('/api/categories', { ...body, code: 'legal' })).statusCode).toBe(409);
    expect((await admin.post('/api/categories', { ...body, code: 'x', color: 'red' })).statusCode).toBe(400);
  });
});

describe('what a viewer may do with a category', () => {
  it('tells the district admin it may edit each category, and a street admin that it may not', async () => {
    const mine = (await (await t.login('admin')).get('/api/categories')).json() as StaffCategory[];
    expect(mine.every((c) => c.allowedActions.includes('update'))).toBe(true);
    const street = (await (await t.login('xicheng')).get('/api/categories')).json() as StaffCategory[];
    expect(street.every((c) => c.allowedActions.length === 0)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/categories' })).json()[0]).not.toHaveProperty(
      'allowedActions',
    );
  });
});
