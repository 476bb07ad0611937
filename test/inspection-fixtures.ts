// Test support: photos as phones take them, and inspections planned for a named supervisor.
import sharp from 'sharp';
import type { TestApp, Client } from './test-app.ts';
import { createStudio, type Place } from './factories.ts';
import type { InspectionDetail, InspectionSummary } from '../src/contract/inspections.ts';
import { defaultChecklist, type Rating } from '../src/domain/inspections/checklist.ts';

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
