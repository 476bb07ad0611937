// Citizen supervisors' and quarterly inspections' test support: photos as phones take them,
// inspections planned through the API for a named supervisor, and builders that put a roster
// entry, an inspection or a rectification proposal straight into a state.
import sharp from 'sharp';
import type { TestApp, Client } from '../test-app.ts';
import type { InspectionDetail, InspectionSummary } from '../../src/contract/inspections.ts';
import { defaultChecklist, type Rating } from '../../src/domain/inspections/checklist.ts';
import type { SupervisorStatus } from '../../src/domain/inspections/supervisors.ts';
import { buildAccount } from './accounts.ts';
import { BUILT_AT, nextSeq, personNames, phoneFor, pick, type Db } from './common.ts';
import type { Place } from './demo.ts';
import { buildUnit } from './org-units.ts';
import { buildStudio, createStudio, type StudioParents } from './studios.ts';

/** A small JPEG with the camera, its firmware and a GPS position in its EXIF, as base64. */
export async function phonePhoto(): Promise<string> {
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 180, g: 40, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Xiaomi', Software: 'secret-firmware' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '25/1 5/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 1/1 0/1' },
    })
    .toBuffer();
  return jpeg.toString('base64');
}

/** A rating for each default item, A unless given. */
export function ratingsOf(...given: Rating[]) {
  return defaultChecklist.items.map((item, i) => ({ code: item.code, rating: given[i] ?? 'A', note: `第${i + 1}项` }));
}

/** A complete form, visited on the morning the test clock starts. */
export function report(overrides: Record<string, unknown> = {}) {
  return { visitedAt: '2026-11-25T02:00:00.000Z', ratings: ratingsOf(), ...overrides };
}

let keys = 0;
/** A fresh idempotency key, as the phone makes one per form. */
export function newKey(): string {
  keys += 1;
  return `test-key-${Date.now()}-${keys}`;
}

/** Submits a form as a signed-in supervisor. */
export function submit(client: Client, id: number, body: unknown, key = newKey()) {
  return client.request({
    method: 'POST',
    url: `/api/inspections/${id}/submit`,
    payload: body as Record<string, unknown>,
    headers: { 'idempotency-key': key },
  });
}

/**
 * A fresh serving studio in the place, planned by its street for this quarter and given to
 * the supervisor `supervisorId` (reassigned if the plan chose another).
 */
export async function plannedInspection(
  t: TestApp,
  street: Client,
  supervisorId: number,
  place: Place = 'xixing',
): Promise<{ id: number; studioId: number }> {
  const studio = await createStudio(t.db, { status: 'active', place, name: `检查测试工作室 ${Date.now()}` });
  const plan = await street.post('/api/inspections/plan', {});
  if (plan.statusCode !== 200) throw new Error(`plan: ${plan.body}`);
  const list = (await street.get(`/api/inspections?studioId=${studio.id}`)).json() as { items: InspectionSummary[] };
  const found = list.items[0];
  if (!found) throw new Error('the new studio was not planned');
  if (found.supervisorId !== supervisorId) {
    const moved = await street.post(`/api/inspections/${found.id}/reassign`, { supervisorId });
    if (moved.statusCode !== 200) throw new Error(`reassign: ${moved.body}`);
  }
  return { id: found.id, studioId: studio.id };
}

/** The detail of an inspection. */
export async function detail(client: Client, id: number): Promise<InspectionDetail> {
  return (await client.get(`/api/inspections/${id}`)).json() as InspectionDetail;
}

/** Whose roster a supervisor is on. Each one missing is built: a street, a supervisor account bound to it. */
export interface SupervisorParents {
  streetId?: number;
  /** The supervisor's account (an owner: `own` rules apply to it). */
  accountId?: number;
}

/** What a test may fix of a built roster entry; everything else gets a valid default. */
export interface SupervisorOptions extends SupervisorParents {
  /** Active by default. */
  status?: SupervisorStatus;
  name?: string;
  communityId?: number | null;
}

/** A built roster entry. */
export interface BuiltSupervisor {
  id: number;
  streetId: number;
  accountId: number;
}

/** Writes a roster entry (群众监督员) appointed on 2026-10-01 for two years. */
export async function buildSupervisor(db: Db, o: SupervisorOptions = {}): Promise<BuiltSupervisor> {
  const n = nextSeq();
  const streetId = o.streetId ?? (await buildUnit(db, { level: 'street' })).id;
  const accountId = o.accountId ?? (await buildAccount(db, { role: 'supervisor', unitId: streetId })).id;
  const { id } = await db
    .insertInto('supervisors')
    .values({
      street_id: streetId,
      account_id: accountId,
      name: o.name ?? pick(personNames, n),
      phone: phoneFor(n),
      community_id: o.communityId ?? null,
      card_number: `T-JD-${n}`,
      appointed_on: '2026-10-01',
      term_start: '2026-10-01',
      term_end: '2028-09-30',
      status: o.status ?? 'active',
      status_reason: null,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, streetId, accountId };
}

/** Who an inspection belongs to: its studio (and that studio's parents), and the supervisor it is planned for. */
export interface InspectionParents extends StudioParents {
  /** Its studio; an active one is built (with `StudioParents`) when absent. */
  studioId?: number;
  /** The roster entry it is planned for; one on the studio's street is built when absent. */
  supervisorId?: number;
}

/** What a test may fix of a built inspection. */
export interface InspectionOptions extends InspectionParents {
  /** Planned by default; a submitted one has its form (every item A unless `total` says less), a photo and its submitter. */
  status?: 'planned' | 'submitted';
  /** The submitted total, 100 by default. */
  total?: number;
}

/** A built inspection. */
export interface BuiltInspection {
  id: number;
  studioId: number;
  unitId: number;
  streetId: number;
  supervisorId: number;
}

/** Puts an inspection of this quarter (2026-Q4, due 2026-12-31) straight into a state. */
export async function buildInspection(db: Db, o: InspectionOptions = {}): Promise<BuiltInspection> {
  const { studioId: givenStudio, supervisorId: givenSupervisor, status = 'planned', total = 100, ...parents } = o;
  const studioId = givenStudio ?? (await buildStudio(db, { status: 'active', ...parents })).id;
  const studio = await db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['studios.unit_id', 'org_units.parent_id'])
    .where('studios.id', '=', studioId)
    .executeTakeFirstOrThrow();
  const unitId = studio.unit_id;
  const streetId = studio.parent_id ?? unitId;
  const supervisorId = givenSupervisor ?? (await buildSupervisor(db, { streetId })).id;
  const supervisor = await db
    .selectFrom('supervisors')
    .select('account_id')
    .where('id', '=', supervisorId)
    .executeTakeFirstOrThrow();
  const submitted = status === 'submitted';
  const at = '2026-11-25T07:45:00.000Z';
  const { id } = await db
    .insertInto('inspections')
    .values({
      quarter: '2026-Q4',
      round: 1,
      studio_id: studioId,
      unit_id: unitId,
      street_id: streetId,
      supervisor_id: supervisorId,
      status,
      due_on: '2026-12-31',
      checklist_version: submitted ? 1 : null,
      ratings_json: submitted ? JSON.stringify(ratingsOf()) : null,
      total: submitted ? total : null,
      visited_at: submitted ? '2026-11-25T07:30:00.000Z' : null,
      lng: null,
      lat: null,
      idempotency_key: submitted ? `built-${studioId}-${nextSeq()}` : null,
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
    const photo = await db
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
    await db
      .insertInto('inspection_photos')
      .values({ inspection_id: id, attachment_id: photo.id, position: 1 })
      .execute();
  }
  return { id, studioId, unitId, streetId, supervisorId };
}

/**
 * Writes a rectification proposal awaiting the street's decision, made by a submitted
 * inspection whose total (40) fell below the threshold (60).
 */
export async function buildProposal(
  db: Db,
  o: InspectionParents = {},
): Promise<{ id: number; inspectionId: number; studioId: number }> {
  const inspection = await buildInspection(db, { ...o, status: 'submitted', total: 40 });
  const { id } = await db
    .insertInto('rectification_proposals')
    .values({
      inspection_id: inspection.id,
      studio_id: inspection.studioId,
      unit_id: inspection.unitId,
      street_id: inspection.streetId,
      total: 40,
      threshold: 60,
      status: 'proposed',
      reason: null,
      deadline: null,
      decided_by: null,
      decided_at: null,
      created_at: '2026-11-25T07:50:00.000Z',
      updated_at: '2026-11-25T07:50:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, inspectionId: inspection.id, studioId: inspection.studioId };
}

/** The roster entry of a demo supervisor account (jiandu, of 西城街道, by default). */
export async function demoSupervisorId(db: Db, username = 'jiandu'): Promise<number> {
  return (
    await db
      .selectFrom('supervisors')
      .innerJoin('accounts', 'accounts.id', 'supervisors.account_id')
      .select('supervisors.id')
      .where('accounts.username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;
}
