import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { buildAccount } from './accounts.ts';
import { buildCategory, categoryIdOf } from './categories.ts';
import { buildCommitment } from './commitments.ts';
import { buildNeed } from './needs.ts';
import { buildUnit } from './org-units.ts';
import { buildRecord } from './records.ts';
import { buildInspection, buildProposal, buildSupervisor, report, submit } from './inspections.ts';
import { buildLetter } from './mailbox.ts';
import { buildImport, buildVolunteer } from './registry.ts';
import { buildRequest } from './requests.ts';
import { buildResidentialArea, buildVenue } from './siting.ts';
import { buildStudio } from './studios.ts';

// The builders on a database without the demo data: each makes the parents it is not given,
// and what it writes is what the API serves (defaults pass its validation and its schemas).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('the test builders', () => {
  it('make a record with its studio, a community under a street under a district, and its member', async () => {
    const record = await buildRecord(t.db);
    const unit = await t.db
      .selectFrom('org_units')
      .select(['level', 'path'])
      .where('id', '=', record.unitId)
      .executeTakeFirstOrThrow();
    expect(unit.level).toBe('community');
    expect(unit.path.split('/').filter(Boolean)).toHaveLength(3);
    const author = await t.db
      .selectFrom('accounts')
      .select(['username', 'role', 'unit_id'])
      .where('id', '=', record.authorId)
      .executeTakeFirstOrThrow();
    expect(author).toMatchObject({ role: 'member', unit_id: record.unitId });

    // The member signs in with the demo password, reads the record and, as its author, corrects it.
    const member = await t.login(author.username);
    expect((await member.get(`/api/records/${record.id}`)).json()).toMatchObject({
      id: record.id,
      studioId: record.studioId,
    });
    const correction = {
      servedAt: '2026-11-25T06:00:00.000Z',
      durationMinutes: 45,
      groups: ['elderly'],
      categoryId: await categoryIdOf(t.db, 'health'),
      mode: 'home',
      content: '上门为独居老人量血压，并讲解用药',
      personTimes: 1,
    };
    expect((await member.put(`/api/records/${record.id}`, correction)).statusCode).toBe(200);
    const studio = (await member.get(`/api/studios/${record.studioId}`)).json() as { status: string };
    expect(studio.status).toBe('active');
  });

  it('write what the API serves, reusing the parents they are given', async () => {
    const street = await buildUnit(t.db, { level: 'street' });
    const community = await buildUnit(t.db, { parentId: street.id });
    expect(community.path.startsWith(street.path)).toBe(true);
    const admin = await t.login((await buildAccount(t.db, { role: 'street_admin', unitId: street.id })).username);

    const volunteer = await buildVolunteer(t.db, { unitId: community.id });
    expect((await admin.get(`/api/volunteers/${volunteer.id}`)).json()).toMatchObject({ name: volunteer.name });
    const studio = await buildStudio(t.db, { status: 'draft', unitId: community.id, leaderId: volunteer.id });
    expect((await admin.get(`/api/studios/${studio.id}`)).json()).toMatchObject({ status: 'draft' });
    const commitment = await buildCommitment(t.db, { unitId: community.id });
    const commitments = (await admin.get(`/api/studios/${commitment.studioId}/commitments`)).json() as Array<{
      id: number;
    }>;
    expect(commitments.map((c) => c.id)).toContain(commitment.id);

    const request = await buildRequest(t.db, { unitId: community.id, status: 'completed' });
    expect((await t.app.inject({ url: `/api/public/requests/${request.trackingCode}` })).statusCode).toBe(200);
    const upload = await buildImport(t.db, { unitId: community.id });
    expect((await admin.get(`/api/registry/imports/${upload.id}`)).json()).toMatchObject({ status: 'validated' });
    const need = await buildNeed(t.db, { unitId: community.id });
    expect((await admin.put(`/api/needs/${need.id}/category`, { categoryId: 1 })).statusCode).toBe(200);
    const venue = await buildVenue(t.db, { unitId: community.id });
    expect(
      (
        await admin.put(`/api/venues/${venue.id}`, {
          unitId: community.id,
          type: 'office',
          name: '楼宇',
          lng: 117.02,
          lat: 25.09,
        })
      ).statusCode,
    ).toBe(200);
    const area = await buildResidentialArea(t.db, { unitId: community.id });
    expect((await admin.get(`/api/residential-areas?under=${community.id}`)).body).toContain(`"id":${area.id}`);
    const category = await buildCategory(t.db);
    expect((await admin.get('/api/categories')).body).toContain(category.code);
  });

  it('build letters, roster entries, inspections and proposals that their street and supervisor act on', async () => {
    const street = await buildUnit(t.db, { level: 'street' });
    const community = await buildUnit(t.db, { parentId: street.id });
    const handler = await buildAccount(t.db, { role: 'street_admin', unitId: street.id });
    const admin = await t.login(handler.username);

    const letter = await buildLetter(t.db, {
      unitId: community.id,
      handlerId: handler.id,
      status: 'assigned',
      photo: true,
    });
    expect((await admin.get(`/api/letters/${letter.id}`)).json()).toMatchObject({
      status: 'assigned',
      allowedActions: ['acknowledge'],
    });
    expect((await admin.get(`/api/letters/${letter.id}/photos/${letter.photoId}`)).statusCode).toBe(200);
    expect((await admin.post(`/api/letters/${letter.id}/acknowledge`, {})).statusCode).toBe(200);
    // A built letter of its own street, and a built handler, when none are given; its writer rates it by code.
    const replied = await buildLetter(t.db, { status: 'replied' });
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/public/letters/${replied.code}/rating`,
      payload: { verdict: 'satisfied' },
    });
    expect(rated.json()).toMatchObject({ status: 'closed' });

    const account = await buildAccount(t.db, { role: 'supervisor', unitId: street.id });
    const entry = await buildSupervisor(t.db, { streetId: street.id, accountId: account.id });
    const supervisor = await t.login(account.username);
    expect((await supervisor.get(`/api/supervisors/${entry.id}`)).statusCode).toBe(200);
    const inspection = await buildInspection(t.db, { unitId: community.id, supervisorId: entry.id });
    expect((await submit(supervisor, inspection.id, report())).statusCode).toBe(201);
    const proposal = await buildProposal(t.db, { unitId: community.id });
    expect(
      (await admin.post(`/api/rectification-proposals/${proposal.id}/reject`, { reason: '已核实' })).statusCode,
    ).toBe(200);
  });
});
