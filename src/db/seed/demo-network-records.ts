import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { serviceModes } from '../../domain/delivery/delivery.ts';
import { demoExamples, demoPeriod, demoRecordMonths, demoWorld } from './demo-world.ts';

// The demo network's record books (服务记录本): services spread over the months before the last
// two quarters, topped up so the period's person-times, legal aid by group and the named
// studios' services are exactly the seed's figures (src/db/seed/demo-world.ts).

const sizes = [3, 5, 8, 4, 6, 10, 2, 7, 9, 5];
const legalGroups = [
  ['migrant_workers', demoWorld.legalMigrant],
  ['youth', demoWorld.legalYouth],
  ['taiwan_overseas', demoWorld.legalTaiwan],
] as const;
const otherGroups = ['elderly', 'general', 'women_children', 'hardship', 'disabled', 'veterans'];
const contentOf: Record<string, string> = {
  migrant_workers: '进城务工人员欠薪维权法律援助咨询',
  youth: '青少年权益保护法律咨询',
  taiwan_overseas: '台胞侨眷财产继承法律咨询',
};

/** Splits a number of person-times into records of the usual sizes (the last one takes the rest). */
function split(total: number, offset: number): number[] {
  const out: number[] = [];
  let left = total;
  for (let k = offset; left > 0; k++) {
    const n = Math.min(left, sizes[k % sizes.length]!);
    out.push(n);
    left -= n;
  }
  return out;
}

interface Book {
  studioId: number;
  unitId: number;
  categoryId: number;
  groups: string[];
  content: string;
}

/** Writes the record books of the demo network's studios (and the named studios' own). */
export async function loadDemoRecordBooks(
  db: Kysely<Database>,
  at: string,
  added: ReadonlyArray<{ id: number; unitId: number; category: string }>,
  authorId: number,
): Promise<void> {
  const period = demoPeriod(at);
  const months = demoRecordMonths(at);
  // The period's instants in China time; nothing the demo writes lies near its edges.
  const from = new Date(Date.parse(`${period.from}T00:00:00Z`) - 8 * 3_600_000).toISOString();
  const to = new Date(Date.parse(`${period.to}T00:00:00Z`) - 8 * 3_600_000).toISOString();
  const existing = await db
    .selectFrom('service_records')
    .innerJoin('categories', 'categories.id', 'service_records.category_id')
    .select([
      'service_records.studio_id',
      'service_records.person_times',
      'service_records.groups_json',
      'categories.code',
    ])
    .where('served_at', '>=', from)
    .where('served_at', '<', to)
    .execute();
  const sum = (rows: typeof existing) => rows.reduce((s, r) => s + Number(r.person_times), 0);
  const categories = new Map(
    (await db.selectFrom('categories').select(['id', 'code']).execute()).map((c) => [c.code, c.id]),
  );
  const books: Array<[Book, number]> = [];

  // The named studios first: they lead the bulletin's examples.
  for (const e of demoExamples) {
    const s = await db
      .selectFrom('studios')
      .innerJoin('studio_categories', 'studio_categories.studio_id', 'studios.id')
      .select(['studios.id', 'studios.unit_id', 'studio_categories.category_id'])
      .where('studios.name', '=', e.studio)
      .executeTakeFirstOrThrow();
    const more = Math.max(0, e.personTimes - sum(existing.filter((r) => r.studio_id === s.id)));
    books.push([
      { studioId: s.id, unitId: s.unit_id, categoryId: s.category_id, groups: ['elderly'], content: '工作室日常服务' },
      more,
    ]);
  }

  // Legal aid by group, on the added legal studios in turn.
  const legal = added.filter((s) => s.category === 'legal');
  const legalExisting = existing.filter((r) => r.code === 'legal');
  let legalAdded = 0;
  for (const [group, target] of legalGroups) {
    const more = target - sum(legalExisting.filter((r) => (JSON.parse(r.groups_json) as string[]).includes(group)));
    legalAdded += more;
    for (const [k, s] of legal.entries())
      books.push([
        {
          studioId: s.id,
          unitId: s.unitId,
          categoryId: categories.get('legal') ?? 0,
          groups: [group],
          content: contentOf[group] ?? '',
        },
        Math.floor(more / legal.length) + (k < more % legal.length ? 1 : 0),
      ]);
  }
  const legalRest = demoWorld.legalAid - sum(legalExisting) - legalAdded;
  if (legal[0] && legalRest > 0)
    books.push([
      {
        studioId: legal[0].id,
        unitId: legal[0].unitId,
        categoryId: categories.get('legal') ?? 0,
        groups: ['general'],
        content: '法律咨询',
      },
      legalRest,
    ]);

  // The rest of the person-times on the other added studios.
  const planned = books.reduce((s, [, n]) => s + n, 0);
  const rest = demoWorld.personTimes - sum(existing) - planned;
  const others = added.filter((s) => s.category !== 'legal');
  for (const [k, s] of others.entries())
    books.push([
      {
        studioId: s.id,
        unitId: s.unitId,
        categoryId: categories.get(s.category) ?? 0,
        groups: [otherGroups[k % otherGroups.length]!],
        content: '工作室日常服务',
      },
      Math.floor(rest / others.length) + (k < rest % others.length ? 1 : 0),
    ]);
  if (books.some(([, n]) => n < 0) || legalRest < 0 || rest < 0)
    throw new Error('the demo already holds more services than the seed states');

  const rows = books.flatMap(([b, total], bi) =>
    split(total, bi).map((personTimes, k) => {
      const month = months[(bi + k) % months.length]!;
      const day = String(3 + ((bi * 5 + k * 7) % 24)).padStart(2, '0');
      // 11:00 in China: the same calendar day in any business zone from UTC-3 to UTC+12.
      const servedAt = `${month.slice(0, 8)}${day}T03:00:00.000Z`;
      return {
        studio_id: b.studioId,
        unit_id: b.unitId,
        author_id: authorId,
        request_id: null,
        idempotency_key: `demo-network-${b.studioId}-${bi}-${k}`,
        rating_code: `DN${b.studioId}B${bi}R${k}`,
        served_at: servedAt,
        duration_minutes: 60,
        recipient_name: null,
        groups_json: JSON.stringify(b.groups),
        category_id: b.categoryId,
        mode: serviceModes[(bi + k) % serviceModes.length]!,
        content: b.content,
        person_times: personTimes,
        created_at: servedAt,
        updated_at: servedAt,
      };
    }),
  );
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('service_records')
      .values(rows.slice(i, i + 200))
      .execute();
}
