import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/test-app.ts';
import { createStudio } from '../../test/factories/studios.ts';
import { buildRecord } from '../../test/factories/records.ts';
import { goodRow, workbookOf } from '../../test/registry-workbook.ts';
import { freshIp, freshPhone, postLetter, wanzhenStudioId } from '../../test/factories/mailbox.ts';
import { newKey, plannedInspection, report, submit } from '../../test/factories/inspections.ts';
import { lastSmsCode } from '../../test/factories/sms.ts';
import type { Supervisor } from '../contract/supervisors.ts';

/**
 * The same write fired several times at once, as a double tap, a retrying phone or two
 * staff members do. SQLite runs one writer at a time, so there these pass by construction;
 * on PostgreSQL (HUIMIN_TEST_DB=pg) transactions run side by side and every check-then-write
 * must hold: exactly one effect, and never a 5xx.
 */
let t: TestApp;
let street: Client;
let community: Client;
beforeAll(async () => {
  t = await createTestApp();
  street = await t.login('xicheng');
  community = await t.login('xixing');
});
afterAll(() => t.close());

const burst = <T>(n: number, send: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => send(i)));
const statuses = (answers: LightMyRequestResponse[]) => answers.map((a) => a.statusCode).sort();
const noServerError = (answers: LightMyRequestResponse[]) => {
  for (const a of answers) expect(a.statusCode, a.body).toBeLessThan(500);
};
const count = async (table: 'plaques' | 'studio_contracts' | 'volunteers' | 'service_requests' | 'letters') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('plaque and contract numbers', () => {
  it('gives six studios awarded at the same moment six different plaque numbers', async () => {
    const studios = await burst(6, () => createStudio(t.db, { status: 'contracted' }));
    const answers = await burst(6, (i) =>
      street.post(`/api/studios/${studios[i]?.id}/plaque`, { awardedOn: '2026-11-25' }),
    );
    noServerError(answers);
    expect(statuses(answers)).toEqual([200, 200, 200, 200, 200, 200]);
    const numbers = answers.map((a) => (a.json() as { plaqueNumber: string }).plaqueNumber);
    expect(new Set(numbers).size).toBe(6);
    for (const n of numbers) expect(n).toMatch(/^XL-2026-\d{4}$/);
  });

  it('awards one plaque when the same studio is awarded six times at once', async () => {
    const { id } = await createStudio(t.db, { status: 'contracted' });
    const before = await count('plaques');
    const answers = await burst(6, () => street.post(`/api/studios/${id}/plaque`, { awardedOn: '2026-11-25' }));
    noServerError(answers);
    expect(statuses(answers)).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await count('plaques')).toBe(before + 1);
  });

  it('refuses a typed-in plaque number to all but one of five studios asking for it at once', async () => {
    const studios = await burst(5, () => createStudio(t.db, { status: 'contracted' }));
    const answers = await burst(5, (i) =>
      street.post(`/api/studios/${studios[i]?.id}/plaque`, { plaqueNumber: 'XL-SAME-1', awardedOn: '2026-11-25' }),
    );
    noServerError(answers);
    expect(statuses(answers)).toEqual([200, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json().code)).toEqual(
      Array(4).fill('PLAQUE_NUMBER_TAKEN'),
    );
  });

  it('gives four agreements signed at once four different contract numbers', async () => {
    const studios = await burst(4, () => createStudio(t.db, { status: 'approved' }));
    const before = await count('studio_contracts');
    const answers = await burst(4, (i) =>
      street.post(`/api/studios/${studios[i]?.id}/contract`, {
        termStart: '2026-12-01',
        termEnd: '2028-11-30',
        signatories: [
          { party: '甲方', name: '中共西城街道工作委员会' },
          { party: '乙方', name: '张婉珍' },
        ],
      }),
    );
    noServerError(answers);
    expect(statuses(answers)).toEqual([200, 200, 200, 200]);
    const numbers = await t.db
      .selectFrom('studio_contracts')
      .select('number')
      .where(
        'studio_id',
        'in',
        studios.map((s) => s.id),
      )
      .execute();
    expect(new Set(numbers.map((n) => n.number)).size).toBe(4);
    expect(await count('studio_contracts')).toBe(before + 4);
  });
});

describe('a resident double-tapping 确认订阅', () => {
  it('subscribes once and answers every tap (up to the five tries of a code) the same 200', async () => {
    const unitId = await t.unitId('350802003004');
    const phone = '13711119901';
    const before = await t.auditCount();
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/public/sms/subscribe',
      payload: { unitId, phone, consent: true },
      remoteAddress: freshIp(),
    });
    expect(sent.statusCode).toBe(200);
    const code = await lastSmsCode(t.db, phone);
    const answers = await burst(5, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/sms/subscribe/confirm',
        payload: { unitId, phone, code },
        remoteAddress: freshIp(),
      }),
    );
    noServerError(answers);
    expect(statuses(answers)).toEqual([200, 200, 200, 200, 200]);
    for (const a of answers) expect(a.json()).toMatchObject({ subscribed: true });
    const rows = await t.db
      .selectFrom('sms_subscriptions')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('phone', '=', phone)
      .execute();
    expect(rows).toHaveLength(1);
    // The code sent, and the subscription: each audited once.
    expect(await t.auditCount()).toBe(before + 2);
  });
});

describe('a walk-in receipt rated from two phones at once', () => {
  it('keeps exactly one rating: the same stars again answer 200, other stars 409, never a 5xx', async () => {
    const record = await buildRecord(t.db);
    const rate = (score: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/ratings/${record.ratingCode}`,
        payload: { score, comment: score === 5 ? '很耐心' : '' },
        remoteAddress: freshIp(),
      });
    const scoreOf = (i: number) => (i % 2 === 0 ? 5 : 3);
    const answers = await burst(6, (i) => rate(scoreOf(i)));
    noServerError(answers);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created).toHaveLength(1);
    const kept = await t.db.selectFrom('ratings').select(['score']).where('record_id', '=', record.id).execute();
    expect(kept).toHaveLength(1);
    const winner = kept[0]?.score;
    answers.forEach((a, i) => {
      if (a.statusCode === 201) return;
      const sameStars = scoreOf(i) === winner;
      expect(a.statusCode).toBe(sameStars ? 200 : 409);
      if (!sameStars) expect(a.json().code).toBe('ALREADY_RATED');
    });
  });
});

describe('the registry', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const upload = async (file: Buffer): Promise<number> => {
    const res = await community.request({
      method: 'POST',
      url: '/api/registry/imports?filename=burst.xlsx',
      payload: file,
      headers: { 'content-type': XLSX },
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as number;
    for (let i = 0; i < 600; i++) {
      const s = (await community.get(`/api/registry/imports/${id}`)).json() as { status: string };
      if (s.status !== 'validating') {
        expect(s.status).toBe('validated');
        return id;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };

  it('writes a clean 20-row workbook once when its commit is sent five times at once', async () => {
    const id = await upload(await workbookOf(Array.from({ length: 20 }, (_, i) => goodRow(700_000 + i))));
    const before = await count('volunteers');
    const answers = await burst(5, () => community.post(`/api/registry/imports/${id}/commit`, { mode: 'all' }));
    noServerError(answers);
    expect(statuses(answers)).toEqual([200, 409, 409, 409, 409]);
    expect(await count('volunteers')).toBe(before + 20);
  });

  it('writes the people once when two uploads of one workbook are committed at once', async () => {
    const file = await workbookOf(Array.from({ length: 20 }, (_, i) => goodRow(710_000 + i)));
    const ids = [await upload(file), await upload(file)];
    const before = await count('volunteers');
    const answers = await Promise.all(
      ids.map((id) => community.post(`/api/registry/imports/${id}/commit`, { mode: 'valid' })),
    );
    noServerError(answers);
    expect(await count('volunteers')).toBe(before + 20);
    const committed = answers.map((a) => (a.json() as { committedRows: number }).committedRows).sort();
    expect(committed).toEqual([0, 20]);
  });

  it('adds the same person once when the form is sent six times at once', async () => {
    const unitId = await t.unitId('350802003004');
    const before = await count('volunteers');
    const answers = await burst(6, () =>
      community.post('/api/volunteers', { kind: 'talent', name: '林医生', phone: '13600009901', unitId }),
    );
    noServerError(answers);
    expect(statuses(answers)).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().code === 'DUPLICATE_VOLUNTEER')).toBe(
      true,
    );
    expect(await count('volunteers')).toBe(before + 1);
  });
});

describe('what residents send twice', () => {
  it('gives one tracking code to five identical service requests sent at once', async () => {
    const health = (
      await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()
    ).id;
    const unitId = await t.unitId('350802003004');
    const residentPhone = freshPhone();
    const before = await count('service_requests');
    const answers = await burst(5, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/requests',
        payload: {
          categoryId: health,
          text: '家里老人腿脚不便，想请人上门量血压',
          unitId,
          residentName: '王秀兰',
          residentPhone,
        },
        remoteAddress: freshIp(),
      }),
    );
    noServerError(answers);
    const codes = new Set(answers.filter((a) => a.statusCode < 300).map((a) => a.json().trackingCode as string));
    expect(codes.size).toBe(1);
    expect(await count('service_requests')).toBe(before + 1);
  });

  it('gives one tracking code to five identical letters sent at once', async () => {
    const studioId = await wanzhenStudioId(t);
    const writerPhone = freshPhone();
    const before = await count('letters');
    const answers = await burst(5, () =>
      postLetter(t, {
        type: 'complaint',
        studioId,
        text: '工作室公示周日下午开放，但这两周周日都没有开门，群众白跑一趟。',
        writerName: '王秀兰',
        writerPhone,
      }),
    );
    noServerError(answers);
    const codes = new Set(answers.filter((a) => a.statusCode < 300).map((a) => a.json().trackingCode as string));
    expect(codes.size).toBe(1);
    expect(await count('letters')).toBe(before + 1);
  });
});

describe('a supervisor submitting one inspection from several phones at once', () => {
  it('lands one submission and refuses the others with 409', async () => {
    const jiandu = await t.login('jiandu');
    const roster = (await street.get('/api/supervisors')).json() as { items: Supervisor[] };
    const supervisorId = roster.items.find((s) => s.username === 'jiandu')?.id ?? 0;
    const { id } = await plannedInspection(t, street, supervisorId);
    const answers = await burst(6, () => submit(jiandu, id, report(), newKey()));
    noServerError(answers);
    expect(statuses(answers)).toEqual([201, 409, 409, 409, 409, 409]);
    const events = await t.db
      .selectFrom('inspection_events')
      .select('id')
      .where('inspection_id', '=', id)
      .where('action', '=', 'submit')
      .execute();
    expect(events).toHaveLength(1);
  });
});
