import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { parseCorpus } from '../../domain/needs/corpus.ts';
import { addDaysIso } from './dates.ts';

const channels = ['diary', 'survey', 'visit'] as const;

/**
 * Demo needs: every third entry of the labelled corpus, placed in Xinluo's communities and
 * villages over the half-year before `at`, filed under their corpus category as if staff had
 * confirmed them. Streets in the old town get more of them, so the "most pressing" view has
 * something to show.
 */
export async function loadDemoNeeds(db: Kysely<Database>, at: string): Promise<void> {
  const entries = parseCorpus(
    readFileSync(fileURLToPath(new URL('../../../assets/needs/corpus.tsv', import.meta.url)), 'utf8'),
  );
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'level'])
    .where('level', 'in', ['community', 'village'])
    .orderBy('path')
    .execute();
  const busy = units.filter((u) => /^35080200[1-4]/.test(u.code));
  const categories = new Map(
    (await db.selectFrom('categories').select(['id', 'code']).execute()).map((c) => [c.code, c.id]),
  );
  const admin = await db
    .selectFrom('accounts')
    .select('id')
    .where('role', '=', 'district_admin')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const rows = entries
    .filter((_, i) => i % 3 === 0)
    .map((e, i) => {
      const unit = i % 2 === 0 ? busy[(i * 7) % busy.length] : units[(i * 13) % units.length];
      const day = addDaysIso(at, -((i * 37) % 180)).slice(0, 10);
      return {
        unit_id: unit?.id ?? units[0]?.id ?? 0,
        channel: channels[i % 3] ?? 'diary',
        recorded_on: day,
        resident_name: null,
        resident_phone: null,
        text: e.text,
        urgency: i % 9 === 0 ? 'high' : i % 4 === 0 ? 'low' : 'normal',
        suggested_category_id: categories.get(e.category) ?? null,
        confidence: null,
        category_id: categories.get(e.category) ?? null,
        category_source: 'staff',
        corrected_by: null,
        created_by: admin.id,
        created_at: at,
        updated_at: at,
      };
    });
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('needs')
      .values(rows.slice(i, i + 200))
      .execute();
}
