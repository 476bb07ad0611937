import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { roleMayEver, rules } from '../domain/access/rules.ts';
import { roles, type Role } from '../domain/access/roles.ts';
import type { RouteAccess } from './context.ts';
import { applicationFor, createStudio, type Place } from '../../test/factories.ts';
import { goodRow, workbookOf } from '../../test/registry-workbook.ts';
import type { StudioStatus } from '../domain/studios/lifecycle.ts';
import { defaultChecklist } from '../domain/inspections/checklist.ts';

/**
 * Every API route × every role × an object inside and an object outside the actor's
 * scope. The expected answer comes from the access rules in src/domain/access: a role
 * with no rule gets 403, an out-of-scope object 404, and otherwise the call succeeds.
 * A route missing from `requests` below fails the test, so no route goes unchecked.
 */

const demoUserOf: Record<Role, string> = {
  district_admin: 'admin',
  street_admin: 'xicheng',
  community_admin: 'xixing',
  member: 'zhangwanzhen',
  supervisor: 'jiandu',
};

interface Ids {
  studio: number; // a fresh studio prepared for the call (see `needs`)
  commitment: number;
  xixingApplication: Record<string, unknown>;
  zhongchengApplication: Record<string, unknown>;
  activeStudio: number; // a seeded active studio, public
  volunteerIn: number; // 张婉珍, in 西兴社区
  volunteerOut: number; // 蒋来发, in 中城街道
  import: number; // an import prepared for the call
  site: number; // a venue or residential area prepared for the call
  xixing: number; // 西兴社区: inside every demo actor's scope
  xicheng: number; // 西城街道
  zhongcheng: number; // 中城街道: outside every actor's scope but the district admin's
  zhongchengCommunity: number;
  memberAccount: number;
  zhongchengAccount: number;
  supervisor: number; // a roster entry: jiandu's own in scope, one of 中城街道 out of it (see `rosters`)
  supervisorAccount: number; // a supervisor account not yet on a roster
  inspection: number; // an inspection prepared for the call
  proposal: number; // a rectification proposal prepared for the call
}

type Build = (ids: Ids, n: number) => InjectOptions;
/** `needs`: each call gets a fresh studio in this state (and with this commitment), in or out of scope. */
type Entry = {
  inScope: Build;
  outOfScope?: Build;
  needs?: { status: StudioStatus; commitment?: 'draft' | 'published' };
  /** Anything else a call needs made fresh, in or out of scope. */
  prepare?: (place: Place) => Promise<Partial<Ids>>;
};
const post = (url: string, payload?: unknown): InjectOptions =>
  payload === undefined
    ? { method: 'POST', url }
    : { method: 'POST', url, payload: payload as InjectOptions['payload'] };
const studioRoute = (
  suffix: string,
  status: StudioStatus,
  payload?: unknown,
  commitment?: 'draft' | 'published',
): Entry => ({
  needs: { status, ...(commitment ? { commitment } : {}) },
  inScope: (i) => post(`/api/studios/${i.studio}${suffix}`, payload),
  outOfScope: (i) => post(`/api/studios/${i.studio}${suffix}`, payload),
});
const goodReview = {
  politicalQuality: { pass: true, comment: '' },
  professionalSpecialty: { pass: true, comment: '' },
  serviceItems: { pass: true, comment: '' },
  decision: 'pass',
};
const requests: Record<string, Entry> = {
  'GET /api/health': { inScope: () => ({ method: 'GET', url: '/api/health' }) },
  'POST /api/auth/login': {
    inScope: () => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Huimin@2026' },
    }),
  },
  'POST /api/auth/logout': { inScope: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/auth/me': { inScope: () => ({ method: 'GET', url: '/api/auth/me' }) },
  'PUT /api/auth/me/settings': {
    inScope: () => ({ method: 'PUT', url: '/api/auth/me/settings', payload: { largeFont: false } }),
  },
  'POST /api/auth/password': {
    inScope: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Huimin@2026', newPassword: 'Huimin@2026' },
    }),
  },
  'GET /api/org-units': {
    inScope: (i) => ({ method: 'GET', url: `/api/org-units?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/org-units?under=${i.zhongcheng}` }),
  },
  'GET /api/org-units/:id': {
    inScope: (i) => ({ method: 'GET', url: `/api/org-units/${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/org-units/${i.zhongchengCommunity}` }),
  },
  'GET /api/org-units/:id/children': {
    inScope: (i) => ({ method: 'GET', url: `/api/org-units/${i.xixing}/children` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/org-units/${i.zhongcheng}/children` }),
  },
  'POST /api/org-units': {
    // Units can only be added under a street; 西城街道 is in scope for the roles that may add units.
    inScope: (i, n) => ({
      method: 'POST',
      url: '/api/org-units',
      payload: { parentId: i.xicheng, code: `M${n}`, name: `矩阵测试${n}`, level: 'enterprise' },
    }),
    outOfScope: (i, n) => ({
      method: 'POST',
      url: '/api/org-units',
      payload: { parentId: i.zhongcheng, code: `N${n}`, name: `矩阵测试${n}`, level: 'enterprise' },
    }),
  },
  'PATCH /api/org-units/:id': {
    inScope: (i) => ({ method: 'PATCH', url: `/api/org-units/${i.xixing}`, payload: { address: '西兴社区' } }),
    outOfScope: (i) => ({ method: 'PATCH', url: `/api/org-units/${i.zhongchengCommunity}`, payload: { address: 'x' } }),
  },
  'GET /api/accounts': {
    inScope: (i) => ({ method: 'GET', url: `/api/accounts?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/accounts?under=${i.zhongcheng}` }),
  },
  'POST /api/accounts': {
    inScope: (i, n) => ({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        username: `matrix${n}`,
        displayName: '测试',
        password: 'Strong#Pass1',
        role: 'member',
        unitId: i.xixing,
      },
    }),
    outOfScope: (i, n) => ({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        username: `matrix${n}`,
        displayName: '测试',
        password: 'Strong#Pass1',
        role: 'member',
        unitId: i.zhongchengCommunity,
      },
    }),
  },
  'POST /api/accounts/:id/unlock': {
    inScope: (i) => ({ method: 'POST', url: `/api/accounts/${i.memberAccount}/unlock` }),
    outOfScope: (i) => ({ method: 'POST', url: `/api/accounts/${i.zhongchengAccount}/unlock` }),
  },
  'PUT /api/accounts/:id/disabled': {
    inScope: (i) => ({ method: 'PUT', url: `/api/accounts/${i.memberAccount}/disabled`, payload: { disabled: false } }),
    outOfScope: (i) => ({
      method: 'PUT',
      url: `/api/accounts/${i.zhongchengAccount}/disabled`,
      payload: { disabled: false },
    }),
  },
  'GET /api/audit-log': { inScope: () => ({ method: 'GET', url: '/api/audit-log' }) },

  'GET /api/categories': { inScope: () => ({ method: 'GET', url: '/api/categories' }) },
  'POST /api/categories': {
    inScope: (_i, n) =>
      post('/api/categories', {
        code: `matrix-${n}`,
        name: { 'zh-CN': '测试', 'zh-TW': '測試', en: 'Test' },
        icon: 'Tool',
        color: '#123456',
        position: 50,
        enabled: false,
      }),
  },
  'PUT /api/categories/:id': {
    inScope: () => ({
      method: 'PUT',
      url: '/api/categories/11',
      payload: {
        code: 'repair',
        name: { 'zh-CN': '便民维修', 'zh-TW': '便民維修', en: 'Household repairs' },
        icon: 'Tool',
        color: '#4b5563',
        position: 11,
        enabled: true,
      },
    }),
  },
  'GET /api/volunteers': {
    inScope: (i) => ({ method: 'GET', url: `/api/volunteers?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/volunteers?under=${i.zhongcheng}` }),
  },
  'GET /api/studios': {
    inScope: (i) => ({ method: 'GET', url: `/api/studios?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/studios?under=${i.zhongcheng}` }),
  },
  'GET /api/studios/:id': {
    needs: { status: 'active' },
    inScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}` }),
  },
  'POST /api/studios': {
    inScope: (i) => post('/api/studios', i.xixingApplication),
    outOfScope: (i) => post('/api/studios', i.zhongchengApplication),
  },
  'PUT /api/studios/:id': {
    needs: { status: 'draft' },
    inScope: (i) => ({
      method: 'PUT',
      url: `/api/studios/${i.studio}`,
      payload: i.xixingApplication as InjectOptions['payload'],
    }),
    outOfScope: (i) => ({
      method: 'PUT',
      url: `/api/studios/${i.studio}`,
      payload: i.zhongchengApplication as InjectOptions['payload'],
    }),
  },
  'POST /api/studios/:id/submit': studioRoute('/submit', 'draft'),
  'POST /api/studios/:id/community-review': studioRoute('/community-review', 'submitted', goodReview),
  'POST /api/studios/:id/street-review': studioRoute('/street-review', 'community_reviewed', goodReview),
  'POST /api/studios/:id/contract': studioRoute('/contract', 'approved', {
    termStart: '2026-12-01',
    termEnd: '2028-11-30',
    signatories: [
      { party: '甲方', name: '街道党工委' },
      { party: '乙方', name: '张婉珍' },
    ],
  }),
  'POST /api/studios/:id/plaque': studioRoute('/plaque', 'contracted', { awardedOn: '2026-11-25' }),
  'POST /api/studios/:id/rectification': studioRoute('/rectification', 'active', {
    kind: 'drift_bureaucratic',
    findings: '只挂牌不服务',
    deadline: '2026-12-31',
  }),
  'POST /api/studios/:id/rectification/complete': studioRoute('/rectification/complete', 'rectification', {
    outcome: '已整改',
  }),
  'POST /api/studios/:id/revoke': studioRoute('/revoke', 'active', { reason: '群众反映强烈', decidedOn: '2026-11-25' }),
  'POST /api/studios/:id/close': studioRoute('/close', 'active', { reason: '不再领岗' }),
  'POST /api/studios/:id/renew': studioRoute('/renew', 'active', { termEnd: '2028-12-31' }),
  'POST /api/studios/:id/reopen': studioRoute('/reopen', 'rejected'),
  'GET /api/studios/:id/contract.pdf': {
    needs: { status: 'active' },
    inScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/contract.pdf` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/contract.pdf` }),
  },
  'GET /api/studios/:id/contract.html': {
    needs: { status: 'active' },
    inScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/contract.html` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/contract.html` }),
  },
  'GET /api/studios/:id/plaque.pdf': {
    needs: { status: 'active' },
    inScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/plaque.pdf` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/plaque.pdf` }),
  },
  'GET /api/studios/:id/plaque.html': {
    needs: { status: 'active' },
    inScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/plaque.html` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/plaque.html` }),
  },
  'GET /api/studios/:id/cards.pdf': {
    needs: { status: 'active' },
    inScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/cards.pdf` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/cards.pdf` }),
  },
  'GET /api/service-cards.pdf': {
    inScope: (i) => ({ method: 'GET', url: `/api/service-cards.pdf?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/service-cards.pdf?under=${i.zhongcheng}` }),
  },
  'GET /api/studios/:id/commitments': {
    needs: { status: 'active' },
    inScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/commitments` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/studios/${i.studio}/commitments` }),
  },
  'PUT /api/studios/:id/commitments': {
    needs: { status: 'active' },
    inScope: (i) => ({
      method: 'PUT',
      url: `/api/studios/${i.studio}/commitments`,
      payload: { items: [{ kind: 'hours', text: '每周六上午开放' }] },
    }),
    outOfScope: (i) => ({
      method: 'PUT',
      url: `/api/studios/${i.studio}/commitments`,
      payload: { items: [{ kind: 'hours', text: '每周六上午开放' }] },
    }),
  },
  'POST /api/studios/:id/commitments/publish': studioRoute('/commitments/publish', 'active', undefined, 'draft'),
  'POST /api/studios/:id/commitments/:commitmentId/fulfilment': {
    needs: { status: 'active', commitment: 'published' },
    inScope: (i) =>
      post(`/api/studios/${i.studio}/commitments/${i.commitment}/fulfilment`, { period: '2026-11', kept: true }),
    outOfScope: (i) =>
      post(`/api/studios/${i.studio}/commitments/${i.commitment}/fulfilment`, { period: '2026-11', kept: true }),
  },
  'GET /api/outbox': { inScope: () => ({ method: 'GET', url: '/api/outbox' }) },
  'GET /api/reminders': { inScope: () => ({ method: 'GET', url: '/api/reminders' }) },

  'GET /api/volunteers/:id': {
    inScope: (i) => ({ method: 'GET', url: `/api/volunteers/${i.volunteerIn}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/volunteers/${i.volunteerOut}` }),
  },
  'GET /api/volunteers/:id/contact': {
    inScope: (i) => ({ method: 'GET', url: `/api/volunteers/${i.volunteerIn}/contact` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/volunteers/${i.volunteerOut}/contact` }),
  },
  'POST /api/volunteers': {
    inScope: (i, n) =>
      post('/api/volunteers', {
        kind: 'talent',
        name: '矩阵',
        phone: `1370000${String(n).padStart(4, '0')}`,
        unitId: i.xixing,
      }),
    outOfScope: (i, n) =>
      post('/api/volunteers', {
        kind: 'talent',
        name: '矩阵',
        phone: `1370000${String(n).padStart(4, '0')}`,
        unitId: i.zhongchengCommunity,
      }),
  },
  'PUT /api/volunteers/:id': {
    inScope: (i) => ({
      method: 'PUT',
      url: `/api/volunteers/${i.volunteerIn}`,
      payload: { kind: 'party_member', name: '张婉珍', phone: '13905970101', unitId: i.xixing },
    }),
    outOfScope: (i) => ({
      method: 'PUT',
      url: `/api/volunteers/${i.volunteerOut}`,
      payload: { kind: 'party_member', name: '蒋来发', phone: '13905970102', unitId: i.zhongchengCommunity },
    }),
  },
  'POST /api/volunteers/:id/screening': {
    inScope: (i) => post(`/api/volunteers/${i.volunteerIn}/screening`, { status: 'selected', reason: '符合条件' }),
    outOfScope: (i) => post(`/api/volunteers/${i.volunteerOut}/screening`, { status: 'selected', reason: '符合条件' }),
  },
  'GET /api/registry/template.xlsx': { inScope: () => ({ method: 'GET', url: '/api/registry/template.xlsx' }) },
  'GET /api/registry/export.xlsx': {
    inScope: (i) => ({ method: 'GET', url: `/api/registry/export.xlsx?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/registry/export.xlsx?under=${i.zhongcheng}` }),
  },
  'POST /api/registry/imports': {
    inScope: () => ({
      method: 'POST',
      url: '/api/registry/imports',
      payload: Buffer.from('PK'),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
  },
  'GET /api/registry/imports/:id': {
    prepare: (place) => importAt(place),
    inScope: (i) => ({ method: 'GET', url: `/api/registry/imports/${i.import}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/registry/imports/${i.import}` }),
  },
  'POST /api/registry/imports/:id/commit': {
    prepare: (place) => importAt(place),
    inScope: (i) => post(`/api/registry/imports/${i.import}/commit`, { mode: 'valid' }),
    outOfScope: (i) => post(`/api/registry/imports/${i.import}/commit`, { mode: 'valid' }),
  },

  'GET /api/venues': {
    inScope: (i) => ({ method: 'GET', url: `/api/venues?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/venues?under=${i.zhongcheng}` }),
  },
  'POST /api/venues': {
    inScope: (i) => post('/api/venues', { unitId: i.xixing, type: 'market', name: '市场', lng: 117.02, lat: 25.09 }),
    outOfScope: (i) =>
      post('/api/venues', { unitId: i.zhongchengCommunity, type: 'market', name: '市场', lng: 117.02, lat: 25.09 }),
  },
  'PUT /api/venues/:id': {
    prepare: async (place) => ({ site: await venueAt(place) }),
    inScope: (i) => ({
      method: 'PUT',
      url: `/api/venues/${i.site}`,
      payload: { unitId: i.xixing, type: 'office', name: '楼宇', lng: 117.02, lat: 25.09 },
    }),
    outOfScope: (i) => ({
      method: 'PUT',
      url: `/api/venues/${i.site}`,
      payload: { unitId: i.zhongchengCommunity, type: 'office', name: '楼宇', lng: 117.02, lat: 25.09 },
    }),
  },
  'GET /api/residential-areas': {
    inScope: (i) => ({ method: 'GET', url: `/api/residential-areas?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/residential-areas?under=${i.zhongcheng}` }),
  },
  'POST /api/residential-areas': {
    inScope: (i) =>
      post('/api/residential-areas', { unitId: i.xixing, name: '小区', population: 100, lng: 117.02, lat: 25.09 }),
    outOfScope: (i) =>
      post('/api/residential-areas', {
        unitId: i.zhongchengCommunity,
        name: '小区',
        population: 100,
        lng: 117.02,
        lat: 25.09,
      }),
  },
  'PUT /api/residential-areas/:id': {
    prepare: async (place) => ({ site: await areaAt(place) }),
    inScope: (i) => ({
      method: 'PUT',
      url: `/api/residential-areas/${i.site}`,
      payload: { unitId: i.xixing, name: '小区', population: 120, lng: 117.02, lat: 25.09 },
    }),
    outOfScope: (i) => ({
      method: 'PUT',
      url: `/api/residential-areas/${i.site}`,
      payload: { unitId: i.zhongchengCommunity, name: '小区', population: 120, lng: 117.02, lat: 25.09 },
    }),
  },
  'GET /api/siting/coverage': {
    inScope: (i) => ({ method: 'GET', url: `/api/siting/coverage?categoryId=1&under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/siting/coverage?categoryId=1&under=${i.zhongcheng}` }),
  },
  'GET /api/map/layers': {
    inScope: (i) => ({ method: 'GET', url: `/api/map/layers?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/map/layers?under=${i.zhongcheng}` }),
  },
  'GET /api/map/outline': { inScope: () => ({ method: 'GET', url: '/api/map/outline' }) },
  'GET /api/map/settings': { inScope: () => ({ method: 'GET', url: '/api/map/settings' }) },
  'PUT /api/map/settings': {
    inScope: () => ({
      method: 'PUT',
      url: '/api/map/settings',
      payload: { tiles: { kind: 'none' }, coverageRadiusM: 1000 },
    }),
  },

  'POST /api/needs': {
    inScope: (i) =>
      post('/api/needs', { unitId: i.xixing, channel: 'diary', recordedOn: '2026-11-20', text: '希望有人来教广场舞' }),
    outOfScope: (i) =>
      post('/api/needs', {
        unitId: i.zhongchengCommunity,
        channel: 'diary',
        recordedOn: '2026-11-20',
        text: '希望有人来教广场舞',
      }),
  },
  'POST /api/needs/classify': { inScope: () => post('/api/needs/classify', { text: '希望有人来教广场舞' }) },
  'GET /api/needs': {
    inScope: (i) => ({ method: 'GET', url: `/api/needs?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/needs?under=${i.zhongcheng}` }),
  },
  'PUT /api/needs/:id/category': {
    prepare: async (place) => ({ site: await needAt(place) }),
    inScope: (i) => ({ method: 'PUT', url: `/api/needs/${i.site}/category`, payload: { categoryId: 2 } }),
    outOfScope: (i) => ({ method: 'PUT', url: `/api/needs/${i.site}/category`, payload: { categoryId: 2 } }),
  },
  'GET /api/needs/pressing': {
    inScope: (i) => ({ method: 'GET', url: `/api/needs/pressing?from=2026-09-01&to=2026-11-30&under=${i.xixing}` }),
    outOfScope: (i) => ({
      method: 'GET',
      url: `/api/needs/pressing?from=2026-09-01&to=2026-11-30&under=${i.zhongcheng}`,
    }),
  },

  'GET /api/requests': {
    inScope: (i) => ({ method: 'GET', url: `/api/requests?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/requests?under=${i.zhongcheng}` }),
  },
  'GET /api/requests/:id/contact': {
    prepare: (place) => requestAt(place, 'assigned'),
    inScope: (i) => ({ method: 'GET', url: `/api/requests/${i.site}/contact` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/requests/${i.site}/contact` }),
  },
  'POST /api/requests/:id/accept': {
    prepare: (place) => requestAt(place, 'assigned'),
    inScope: (i) => post(`/api/requests/${i.site}/accept`),
    outOfScope: (i) => post(`/api/requests/${i.site}/accept`),
  },
  'POST /api/requests/:id/complete': {
    prepare: (place) => requestAt(place, 'accepted'),
    inScope: (i) => post(`/api/requests/${i.site}/complete`),
    outOfScope: (i) => post(`/api/requests/${i.site}/complete`),
  },
  'POST /api/requests/:id/decline': {
    prepare: (place) => requestAt(place, 'assigned'),
    inScope: (i) => post(`/api/requests/${i.site}/decline`, { reason: '外出' }),
    outOfScope: (i) => post(`/api/requests/${i.site}/decline`, { reason: '外出' }),
  },
  'POST /api/records': {
    needs: { status: 'active' },
    inScope: (i, n) => ({
      ...post('/api/records', recordBody(i.studio)),
      headers: { 'idempotency-key': `matrix-record-${n}` },
    }),
    outOfScope: (i, n) => ({
      ...post('/api/records', recordBody(i.studio)),
      headers: { 'idempotency-key': `matrix-record-${n}` },
    }),
  },
  'GET /api/records': {
    inScope: (i) => ({ method: 'GET', url: `/api/records?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/records?under=${i.zhongcheng}` }),
  },
  'GET /api/records/stats': {
    inScope: (i) => ({ method: 'GET', url: `/api/records/stats?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/records/stats?under=${i.zhongcheng}` }),
  },
  'GET /api/records/export.xlsx': {
    inScope: (i) => ({ method: 'GET', url: `/api/records/export.xlsx?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/records/export.xlsx?under=${i.zhongcheng}` }),
  },
  'GET /api/records/:id': {
    prepare: (place) => recordAt(place),
    inScope: (i) => ({ method: 'GET', url: `/api/records/${i.site}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/records/${i.site}` }),
  },
  'GET /api/records/:id/revisions': {
    prepare: (place) => recordAt(place),
    inScope: (i) => ({ method: 'GET', url: `/api/records/${i.site}/revisions` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/records/${i.site}/revisions` }),
  },
  'PUT /api/records/:id': {
    prepare: (place) => recordAt(place),
    inScope: (i) => ({ method: 'PUT', url: `/api/records/${i.site}`, payload: correction }),
    outOfScope: (i) => ({ method: 'PUT', url: `/api/records/${i.site}`, payload: correction }),
  },
  'POST /api/records/:id/feedback': {
    prepare: (place) => recordAt(place),
    inScope: (i) => post(`/api/records/${i.site}/feedback`, { onDate: '2026-11-25', result: '已回访' }),
    outOfScope: (i) => post(`/api/records/${i.site}/feedback`, { onDate: '2026-11-25', result: '已回访' }),
  },
  'GET /api/settings/records': { inScope: () => ({ method: 'GET', url: '/api/settings/records' }) },
  'PUT /api/settings/records': {
    inScope: () => ({ method: 'PUT', url: '/api/settings/records', payload: { correctionHours: 72 } }),
  },
  'GET /api/public/nearest': { inScope: (i) => ({ method: 'GET', url: `/api/public/nearest?unitId=${i.xixing}` }) },
  'POST /api/public/requests': {
    inScope: (i, n) =>
      post('/api/public/requests', {
        categoryId: 5,
        text: '想请医生上门量血压',
        unitId: i.xixing,
        residentName: '王',
        residentPhone: `1350000${String(n).padStart(4, '0')}`,
      }),
  },
  'GET /api/public/requests/:code': {
    prepare: (place) => requestAt(place, 'completed'),
    inScope: (i) => ({ method: 'GET', url: `/api/public/requests/${codeOf(i.site)}` }),
  },
  'GET /api/public/ratings/:code': {
    prepare: (place) => requestAt(place, 'completed'),
    inScope: (i) => ({ method: 'GET', url: `/api/public/ratings/${codeOf(i.site)}` }),
  },
  'POST /api/public/ratings/:code': {
    prepare: (place) => requestAt(place, 'completed'),
    inScope: (i) => post(`/api/public/ratings/${codeOf(i.site)}`, { score: 4 }),
  },

  'GET /api/public/categories': { inScope: () => ({ method: 'GET', url: '/api/public/categories' }) },
  'GET /api/public/studios/:id': { inScope: (i) => ({ method: 'GET', url: `/api/public/studios/${i.activeStudio}` }) },
  'GET /api/public/studios/:id/qr.svg': {
    inScope: (i) => ({ method: 'GET', url: `/api/public/studios/${i.activeStudio}/qr.svg` }),
  },
  'GET /api/public/units/:id/board': {
    inScope: (i) => ({ method: 'GET', url: `/api/public/units/${i.xixing}/board` }),
  },
  'GET /api/public/units': { inScope: () => ({ method: 'GET', url: '/api/public/units?q=xxsq' }) },
  'POST /api/public/sms/subscribe': {
    inScope: (i) => post('/api/public/sms/subscribe', { unitId: i.xixing, phone: '13912345678', consent: true }),
  },
  'POST /api/public/sms/unsubscribe': {
    inScope: (i) => post('/api/public/sms/unsubscribe', { unitId: i.xixing, phone: '13912345678' }),
  },

  'GET /api/supervisors': {
    inScope: (i) => ({ method: 'GET', url: `/api/supervisors?under=${i.xicheng}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/supervisors?under=${i.zhongcheng}` }),
  },
  'POST /api/supervisors': {
    prepare: async (place) => ({ supervisorAccount: await supervisorAccountAt(place) }),
    inScope: (i) => post('/api/supervisors', appointment(i.supervisorAccount)),
    outOfScope: (i) => post('/api/supervisors', appointment(i.supervisorAccount)),
  },
  'GET /api/supervisors/:id': {
    prepare: rosterEntry,
    inScope: (i) => ({ method: 'GET', url: `/api/supervisors/${i.supervisor}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/supervisors/${i.supervisor}` }),
  },
  'PUT /api/supervisors/:id': {
    prepare: rosterEntry,
    inScope: (i) => ({ method: 'PUT', url: `/api/supervisors/${i.supervisor}`, payload: supervisorDetails }),
    outOfScope: (i) => ({ method: 'PUT', url: `/api/supervisors/${i.supervisor}`, payload: supervisorDetails }),
  },
  'GET /api/supervisors/:id/contact': {
    prepare: rosterEntry,
    inScope: (i) => ({ method: 'GET', url: `/api/supervisors/${i.supervisor}/contact` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/supervisors/${i.supervisor}/contact` }),
  },
  'POST /api/supervisors/:id/renew': {
    prepare: rosterEntry,
    inScope: (i) => post(`/api/supervisors/${i.supervisor}/renew`, {}),
    outOfScope: (i) => post(`/api/supervisors/${i.supervisor}/renew`, {}),
  },
  'POST /api/supervisors/:id/dismiss': {
    prepare: async (place) => ({ supervisor: await supervisorAt(place) }),
    inScope: (i) => post(`/api/supervisors/${i.supervisor}/dismiss`, { reason: '矩阵测试' }),
    outOfScope: (i) => post(`/api/supervisors/${i.supervisor}/dismiss`, { reason: '矩阵测试' }),
  },
  'GET /api/supervisors/:id/appointment-letter.pdf': {
    prepare: rosterEntry,
    inScope: (i) => ({ method: 'GET', url: `/api/supervisors/${i.supervisor}/appointment-letter.pdf` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/supervisors/${i.supervisor}/appointment-letter.pdf` }),
  },
  'GET /api/inspection-checklist': { inScope: () => ({ method: 'GET', url: '/api/inspection-checklist' }) },
  'PUT /api/inspection-checklist': {
    inScope: () => ({ method: 'PUT', url: '/api/inspection-checklist', payload: defaultChecklist }),
  },
  'GET /api/inspection-checklist/versions/:version': {
    inScope: () => ({ method: 'GET', url: '/api/inspection-checklist/versions/1' }),
  },
  'GET /api/inspections': {
    inScope: (i) => ({ method: 'GET', url: `/api/inspections?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/inspections?under=${i.zhongcheng}` }),
  },
  'POST /api/inspections/plan': {
    inScope: (i) => post('/api/inspections/plan', { streetId: i.xicheng }),
    outOfScope: (i) => post('/api/inspections/plan', { streetId: i.zhongcheng }),
  },
  'GET /api/inspections/coverage': {
    inScope: (i) => ({ method: 'GET', url: `/api/inspections/coverage?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/inspections/coverage?under=${i.zhongcheng}` }),
  },
  'GET /api/inspections/:id': {
    prepare: (place) => inspectionAt(place, 'planned'),
    inScope: (i) => ({ method: 'GET', url: `/api/inspections/${i.inspection}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/inspections/${i.inspection}` }),
  },
  'POST /api/inspections/:id/submit': {
    prepare: (place) => inspectionAt(place, 'planned'),
    inScope: (i, n) => inspectionForm(`/api/inspections/${i.inspection}/submit`, n),
    outOfScope: (i, n) => inspectionForm(`/api/inspections/${i.inspection}/submit`, n),
  },
  'POST /api/inspections/:id/correct': {
    prepare: (place) => inspectionAt(place, 'submitted'),
    inScope: (i) => post(`/api/inspections/${i.inspection}/correct`, inspectionReport),
    outOfScope: (i) => post(`/api/inspections/${i.inspection}/correct`, inspectionReport),
  },
  'POST /api/inspections/:id/reassign': {
    prepare: (place) => inspectionAt(place, 'planned'),
    inScope: (i) => post(`/api/inspections/${i.inspection}/reassign`, { supervisorId: rosters.colleague }),
    outOfScope: (i) => post(`/api/inspections/${i.inspection}/reassign`, { supervisorId: rosters.colleague }),
  },
  'POST /api/inspections/:id/cancel': {
    prepare: (place) => inspectionAt(place, 'planned'),
    inScope: (i) => post(`/api/inspections/${i.inspection}/cancel`, { reason: '矩阵测试' }),
    outOfScope: (i) => post(`/api/inspections/${i.inspection}/cancel`, { reason: '矩阵测试' }),
  },
  'GET /api/inspections/:id/photos/:position': {
    prepare: (place) => inspectionAt(place, 'submitted'),
    inScope: (i) => ({ method: 'GET', url: `/api/inspections/${i.inspection}/photos/1` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/inspections/${i.inspection}/photos/1` }),
  },
  'GET /api/rectification-proposals': {
    inScope: (i) => ({ method: 'GET', url: `/api/rectification-proposals?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/rectification-proposals?under=${i.zhongcheng}` }),
  },
  'POST /api/rectification-proposals/:id/confirm': {
    prepare: proposalAt,
    inScope: (i) => post(`/api/rectification-proposals/${i.proposal}/confirm`, { deadline: '2026-12-31' }),
    outOfScope: (i) => post(`/api/rectification-proposals/${i.proposal}/confirm`, { deadline: '2026-12-31' }),
  },
  'POST /api/rectification-proposals/:id/reject': {
    prepare: proposalAt,
    inScope: (i) => post(`/api/rectification-proposals/${i.proposal}/reject`, { reason: '矩阵测试' }),
    outOfScope: (i) => post(`/api/rectification-proposals/${i.proposal}/reject`, { reason: '矩阵测试' }),
  },
};

function expectedStatus(access: RouteAccess, role: Role, inScope: boolean): 'ok' | 403 | 404 {
  if ('public' in access || 'authenticated' in access) return 'ok';
  if (!roleMayEver(role, access.action, access.subject)) return 403;
  return inScope ? 'ok' : 404;
}

let t: TestApp;
let ids: Ids;
let counter = 0;
beforeAll(async () => {
  t = await createTestApp();
  const account = async (u: string) =>
    (await t.db.selectFrom('accounts').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  ids = {
    xixing: await t.unitId('350802003004'),
    xicheng: await t.unitId('350802003000'),
    zhongcheng: await t.unitId('350802004000'),
    zhongchengCommunity: await t.unitId('350802004001'),
    memberAccount: await account('zhangwanzhen'),
    zhongchengAccount: await account('zhongcheng'),
    studio: 0,
    commitment: 0,
    xixingApplication: await applicationFor(t.db, 'xixing'),
    zhongchengApplication: await applicationFor(t.db, 'zhongcheng'),
    activeStudio: (
      await t.db.selectFrom('studios').select('id').where('status', '=', 'active').executeTakeFirstOrThrow()
    ).id,
    volunteerIn: (
      await t.db.selectFrom('volunteers').select('id').where('name', '=', '张婉珍').executeTakeFirstOrThrow()
    ).id,
    volunteerOut: (
      await t.db.selectFrom('volunteers').select('id').where('name', '=', '蒋来发').executeTakeFirstOrThrow()
    ).id,
    import: 0,
    site: 0,
    supervisor: 0,
    supervisorAccount: 0,
    inspection: 0,
    proposal: 0,
  };
  rosters.jiandu = (
    await t.db
      .selectFrom('supervisors')
      .innerJoin('accounts', 'accounts.id', 'supervisors.account_id')
      .select('supervisors.id')
      .where('accounts.username', '=', 'jiandu')
      .executeTakeFirstOrThrow()
  ).id;
  rosters.colleague = await supervisorAt('xixing');
  rosters.zhongcheng = await supervisorAt('zhongcheng');
});
afterAll(() => t.close());

/** The ids for one call, with a fresh studio when the route needs one in a given state. */
async function prepared(entry: Entry, place: Place): Promise<Ids> {
  let result = ids;
  if (entry.prepare) result = { ...result, ...(await entry.prepare(place)) };
  if (!entry.needs) return result;
  const s = await createStudio(t.db, {
    status: entry.needs.status,
    place,
    ...(entry.needs.commitment ? { commitment: entry.needs.commitment } : {}),
  });
  return { ...result, studio: s.id, commitment: s.commitmentId ?? 0 };
}

/** A venue, or a residential area, in the place. */
async function venueAt(place: Place): Promise<number> {
  const unitId = place === 'xixing' ? ids.xixing : ids.zhongchengCommunity;
  const at = '2026-11-25T08:00:00.000Z';
  return (
    await t.db
      .insertInto('venues')
      .values({
        unit_id: unitId,
        type: 'market',
        name: 'v',
        address: '',
        lng: 117.02,
        lat: 25.09,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
async function areaAt(place: Place): Promise<number> {
  const unitId = place === 'xixing' ? ids.xixing : ids.zhongchengCommunity;
  const at = '2026-11-25T08:00:00.000Z';
  return (
    await t.db
      .insertInto('residential_areas')
      .values({ unit_id: unitId, name: 'a', population: 10, lng: 117.02, lat: 25.09, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A recorded need in the place. */
async function needAt(place: Place): Promise<number> {
  const at = '2026-11-25T08:00:00.000Z';
  const admin = await t.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const unitId = place === 'xixing' ? ids.xixing : ids.zhongchengCommunity;
  return (
    await t.db
      .insertInto('needs')
      .values({
        unit_id: unitId,
        channel: 'diary',
        recorded_on: '2026-11-20',
        resident_name: null,
        resident_phone: null,
        text: '需要帮助',
        urgency: 'normal',
        suggested_category_id: null,
        confidence: null,
        category_id: null,
        category_source: 'auto',
        corrected_by: null,
        created_by: admin.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const correction = {
  servedAt: '2026-11-25T06:00:00.000Z',
  durationMinutes: 60,
  groups: ['elderly'],
  categoryId: 5,
  mode: 'home',
  content: '上门量血压',
  personTimes: 1,
};
const recordBody = (studioId: number) => ({ studioId, ...correction });
/** Tracking codes are derived from the request id in these fixtures, so a test can name them. */
const codeOf = (id: number) => `MX${String(id).padStart(6, '0')}`.replace(/[01]/g, (d) => (d === '0' ? 'Z' : 'Y'));

/** A request in the given state, assigned to a fresh studio in the place (owned by that place's demo member or admin). */
async function requestAt(place: Place, status: string): Promise<Partial<Ids>> {
  const studio = await createStudio(t.db, { status: 'active', place, category: 'health' });
  const at = '2026-11-25T08:00:00.000Z';
  const unitId = place === 'xixing' ? ids.xixing : ids.zhongchengCommunity;
  const row = await t.db
    .insertInto('service_requests')
    .values({
      tracking_code: `TMP${studio.id}`,
      category_id: 5,
      unit_id: unitId,
      text: '上门量血压',
      preferred_time: '',
      resident_name: '王秀兰',
      resident_phone: '13800001111',
      lng: 117.02,
      lat: 25.09,
      status,
      studio_id: studio.id,
      declined_json: '[]',
      accepted_by: null,
      completed_at: status === 'completed' ? at : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .updateTable('service_requests')
    .set({ tracking_code: codeOf(row.id) })
    .where('id', '=', row.id)
    .execute();
  return { site: row.id, studio: studio.id };
}

/** A record in a fresh studio in the place, written by the studio's member (or the street admin for 中城). */
async function recordAt(place: Place): Promise<Partial<Ids>> {
  const studio = await createStudio(t.db, { status: 'active', place, category: 'health' });
  const author = await t.db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', place === 'xixing' ? 'zhangwanzhen' : 'zhongcheng')
    .executeTakeFirstOrThrow();
  const at = '2026-11-25T08:00:00.000Z';
  const unitId = place === 'xixing' ? ids.xixing : ids.zhongchengCommunity;
  const row = await t.db
    .insertInto('service_records')
    .values({
      studio_id: studio.id,
      unit_id: unitId,
      author_id: author.id,
      request_id: null,
      idempotency_key: `fixture-${studio.id}`,
      rating_code: `R${studio.id}ZZZZ`.slice(0, 12),
      served_at: at,
      duration_minutes: 30,
      recipient_name: null,
      groups_json: '["elderly"]',
      category_id: 5,
      mode: 'home',
      content: '上门量血压',
      person_times: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { site: row.id };
}

let importSeq = 0;
/** A validated one-row import, uploaded by the place's admin. */
async function importAt(place: Place): Promise<Partial<Ids>> {
  const seq = ++importSeq;
  const file = await workbookOf([
    { ...goodRow(700_000 + seq), unit: place === 'xixing' ? '350802003004' : '350802004001' },
  ]);
  const uploader = await t.db
    .selectFrom('accounts')
    .select(['id', 'unit_id'])
    .where('username', '=', place === 'xixing' ? 'xixing' : 'zhongcheng')
    .executeTakeFirstOrThrow();
  const at = '2026-11-25T08:00:00.000Z';
  const attachment = await t.db
    .insertInto('attachments')
    .values({
      filename: 'm.xlsx',
      mime: 'x',
      size: file.length,
      sha256: 'x',
      content: file,
      unit_id: uploader.unit_id,
      created_by: uploader.id,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await t.db
    .insertInto('imports')
    .values({
      kind: 'registry',
      unit_id: uploader.unit_id,
      created_by: uploader.id,
      filename: 'm.xlsx',
      attachment_id: attachment.id,
      status: 'validated',
      total_rows: 1,
      processed_rows: 1,
      error_rows: 0,
      duplicate_rows: 0,
      committed_rows: 0,
      report_json: '[]',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { import: row.id };
}

/** Roster entries the matrix uses: the demo supervisor jiandu (西城街道), a colleague of his, and one of 中城街道. */
const rosters = { jiandu: 0, colleague: 0, zhongcheng: 0 };
const supervisorDetails = { name: '林秀琴', phone: '13905970301', communityId: null };
const appointment = (accountId: number) => ({ accountId, ...supervisorDetails, appointedOn: '2026-11-01' });
const inspectionReport = {
  visitedAt: '2026-11-25T07:30:00.000Z',
  ratings: defaultChecklist.items.map((item) => ({ code: item.code, rating: 'A', note: '' })),
};
const inspectionForm = (url: string, n: number): InjectOptions => ({
  method: 'POST',
  url,
  payload: inspectionReport,
  headers: { 'idempotency-key': `matrix-inspection-${n}` },
});

let supervisorSeq = 0;
/** A supervisor account bound to the place's street and on no roster yet (written directly: hashing is slow). */
async function supervisorAccountAt(place: Place): Promise<number> {
  supervisorSeq += 1;
  const at = '2026-11-25T08:00:00.000Z';
  return (
    await t.db
      .insertInto('accounts')
      .values({
        username: `matrix-jd-${supervisorSeq}`,
        display_name: '矩阵监督员',
        password_hash: 'not-a-password',
        role: 'supervisor',
        unit_id: place === 'xixing' ? ids.xicheng : ids.zhongcheng,
        locale: 'zh-CN',
        large_font: 0,
        failed_count: 0,
        locked_until: null,
        disabled: 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A fresh roster entry on the place's street. */
async function supervisorAt(place: Place): Promise<number> {
  const accountId = await supervisorAccountAt(place);
  return (
    await t.db
      .insertInto('supervisors')
      .values({
        street_id: place === 'xixing' ? ids.xicheng : ids.zhongcheng,
        account_id: accountId,
        name: '矩阵监督员',
        phone: '13905970399',
        community_id: null,
        card_number: `MX-JD-${accountId}`,
        appointed_on: '2026-10-01',
        term_start: '2026-10-01',
        term_end: '2028-09-30',
        status: 'active',
        status_reason: null,
        created_at: '2026-11-25T08:00:00.000Z',
        updated_at: '2026-11-25T08:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** jiandu's own entry in scope (what a supervisor may read), 中城街道's supervisor out of it. */
async function rosterEntry(place: Place): Promise<Partial<Ids>> {
  return { supervisor: place === 'xixing' ? rosters.jiandu : rosters.zhongcheng };
}

/**
 * An inspection of a fresh studio in the place for this quarter, planned for jiandu (西兴社区)
 * or 中城街道's supervisor; a submitted one has its form, a photo and its submitter.
 */
async function inspectionAt(place: Place, status: 'planned' | 'submitted', total = 100): Promise<Partial<Ids>> {
  const studio = await createStudio(t.db, { status: 'active', place });
  const unitId = place === 'xixing' ? ids.xixing : ids.zhongchengCommunity;
  const supervisorId = place === 'xixing' ? rosters.jiandu : rosters.zhongcheng;
  const supervisor = await t.db
    .selectFrom('supervisors')
    .select('account_id')
    .where('id', '=', supervisorId)
    .executeTakeFirstOrThrow();
  const at = '2026-11-25T07:45:00.000Z';
  const submitted = status === 'submitted';
  const row = await t.db
    .insertInto('inspections')
    .values({
      quarter: '2026-Q4',
      round: 1,
      studio_id: studio.id,
      unit_id: unitId,
      street_id: place === 'xixing' ? ids.xicheng : ids.zhongcheng,
      supervisor_id: supervisorId,
      status,
      due_on: '2026-12-31',
      checklist_version: submitted ? 1 : null,
      ratings_json: submitted ? JSON.stringify(inspectionReport.ratings) : null,
      total: submitted ? total : null,
      visited_at: submitted ? inspectionReport.visitedAt : null,
      lng: null,
      lat: null,
      idempotency_key: submitted ? `matrix-fixture-${studio.id}` : null,
      submitted_by: submitted ? supervisor.account_id : null,
      submitted_at: submitted ? at : null,
      corrected_at: null,
      cancel_reason: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (submitted) {
    const photo = await t.db
      .insertInto('attachments')
      .values({
        filename: 'p.jpg',
        mime: 'image/jpeg',
        size: 3,
        sha256: 'x',
        content: Buffer.from([0xff, 0xd8, 0xff]),
        unit_id: unitId,
        created_by: supervisor.account_id,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('inspection_photos')
      .values({ inspection_id: row.id, attachment_id: photo.id, position: 1 })
      .execute();
  }
  return { inspection: row.id, studio: studio.id };
}

/** A proposal awaiting the street's decision, made by a low inspection total of a fresh studio in the place. */
async function proposalAt(place: Place): Promise<Partial<Ids>> {
  const prepared = await inspectionAt(place, 'submitted', 40);
  const inspection = await t.db
    .selectFrom('inspections')
    .select(['id', 'studio_id', 'unit_id', 'street_id'])
    .where('id', '=', prepared.inspection ?? 0)
    .executeTakeFirstOrThrow();
  const at = '2026-11-25T07:50:00.000Z';
  const row = await t.db
    .insertInto('rectification_proposals')
    .values({
      inspection_id: inspection.id,
      studio_id: inspection.studio_id,
      unit_id: inspection.unit_id,
      street_id: inspection.street_id,
      total: 40,
      threshold: 60,
      status: 'proposed',
      reason: null,
      deadline: null,
      decided_by: null,
      decided_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { proposal: row.id };
}

describe('the access matrix', () => {
  it('has a request for every API route, and every rule-checked route has at least one rule', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(10);
    for (const r of t.app.routeAccess) {
      const key = `${r.method} ${r.url}`;
      expect(requests[key], `no access-matrix entry for ${key}`).toBeDefined();
      const access = r.access;
      if ('action' in access)
        expect(
          rules.some((x) => x.action === access.action && x.subject === access.subject),
          key,
        ).toBe(true);
    }
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const r of t.app.routeAccess) {
      if ('public' in r.access) continue;
      const entry = requests[`${r.method} ${r.url}`];
      const res = await t.app.inject(entry ? entry.inScope(await prepared(entry, 'xixing'), ++counter) : { url: '/' });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  for (const role of roles) {
    it(`gives a ${role} what the rules allow: success in scope, 404 out of scope, 403 without a rule`, async () => {
      for (const r of t.app.routeAccess) {
        const key = `${r.method} ${r.url}`;
        const entry = requests[key];
        if (!entry) continue;
        const cases: Array<[boolean, Build]> = [[true, entry.inScope]];
        // The district admin's scope is the whole demo district: nothing lies outside it.
        if (entry.outOfScope && role !== 'district_admin') cases.push([false, entry.outOfScope]);
        for (const [inScope, build] of cases) {
          // A fresh session per call: logout and password changes end sessions.
          const client = await signIn(t.app, demoUserOf[role]);
          const res = await client.request(build(await prepared(entry, inScope ? 'xixing' : 'zhongcheng'), ++counter));
          const expected = expectedStatus(r.access, role, inScope);
          const label = `${role} ${key} ${inScope ? 'in' : 'out of'} scope → ${res.statusCode} ${res.body.slice(0, 120)}`;
          if (expected === 'ok') expect(res.statusCode < 300, label).toBe(true);
          else expect(res.statusCode, label).toBe(expected);
        }
      }
      // Every call signs in afresh (argon2 on purpose): with every route, a role's run takes longer than 30 s.
    }, 120_000);
  }
});
