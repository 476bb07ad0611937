import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import type { listNeedsQuery, needInput, pressingQuery } from '../../../contract/needs.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { addDays } from '../../time.ts';
import { findUnit, listChildren } from '../org-units/org-units.repository.ts';
import { bumpCorrections, suggestCategory } from './needs-model.ts';

/** Names are shown as 张** and phones as 138****5678: staff rarely need more to act on a need. */
const maskName = (name: string | null) =>
  name ? `${[...name][0] ?? ''}${'*'.repeat(Math.max([...name].length - 1, 1))}` : null;

async function unitInScope(deps: Deps, actor: Actor, unitId: number, action: 'read' | 'create' | 'update') {
  const unit = await findUnit(deps.db, unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, action, 'need', { unitPath: unit.path });
  return unit;
}

type NeedRow = {
  id: number;
  unit_id: number;
  unit_name: string;
  channel: string;
  recorded_on: string;
  resident_name: string | null;
  resident_phone: string | null;
  text: string;
  urgency: string;
  category_id: number | null;
  category_source: string;
  suggested_category_id: number | null;
  confidence: number | null;
};

function present(r: NeedRow) {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    channel: r.channel as 'diary' | 'survey' | 'visit',
    recordedOn: r.recorded_on,
    residentName: maskName(r.resident_name),
    residentPhone: maskPhone(r.resident_phone),
    text: r.text,
    urgency: r.urgency as 'low' | 'normal' | 'high',
    categoryId: r.category_id,
    categorySource: r.category_source as 'auto' | 'staff',
    suggestedCategoryId: r.suggested_category_id,
    confidence: r.confidence,
  };
}

const columns = [
  'needs.id',
  'needs.unit_id',
  'org_units.name as unit_name',
  'needs.channel',
  'needs.recorded_on',
  'needs.resident_name',
  'needs.resident_phone',
  'needs.text',
  'needs.urgency',
  'needs.category_id',
  'needs.category_source',
  'needs.suggested_category_id',
  'needs.confidence',
] as const;

/** Records a need and files it under the suggested category when the classifier is confident; otherwise a person chooses. */
export async function recordNeed(deps: Deps, ctx: AuditContext, actor: Actor, input: z.infer<typeof needInput>) {
  const unit = await unitInScope(deps, actor, input.unitId, 'create');
  const suggestion = await suggestCategory(deps.db, input.text);
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('needs')
      .values({
        unit_id: unit.id,
        channel: input.channel,
        recorded_on: input.recordedOn,
        resident_name: input.residentName ?? null,
        resident_phone: input.residentPhone ?? null,
        text: input.text,
        urgency: input.urgency,
        suggested_category_id: suggestion.categoryId,
        confidence: suggestion.confidence,
        category_id: suggestion.askAPerson ? null : suggestion.categoryId,
        category_source: 'auto',
        corrected_by: null,
        created_by: actor.accountId,
        created_at: ctx.at,
        updated_at: ctx.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'need',
      entityId: row.id,
      action: 'create',
      unitId: unit.id,
      after: {
        channel: input.channel,
        text: input.text,
        suggested: suggestion.categoryId,
        confidence: suggestion.confidence,
        resident: maskName(input.residentName ?? null),
      },
    });
    return row.id;
  });
  const row = await deps.db
    .selectFrom('needs')
    .innerJoin('org_units', 'org_units.id', 'needs.unit_id')
    .select(columns)
    .where('needs.id', '=', id)
    .executeTakeFirstOrThrow();
  return { need: present(row), suggestion };
}

export async function listNeeds(deps: Deps, actor: Actor, q: z.infer<typeof listNeedsQuery>) {
  const root = await unitInScope(deps, actor, q.under ?? actor.unitId, 'read');
  const { from, to } = subtreeRange(root.path);
  let base = deps.db
    .selectFrom('needs')
    .innerJoin('org_units', 'org_units.id', 'needs.unit_id')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to);
  if (q.categoryId) base = base.where('needs.category_id', '=', q.categoryId);
  if (q.uncategorised) base = base.where('needs.category_id', 'is', null);
  if (q.channel) base = base.where('needs.channel', '=', q.channel);
  if (q.from) base = base.where('needs.recorded_on', '>=', q.from);
  if (q.to) base = base.where('needs.recorded_on', '<=', q.to);
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy('needs.recorded_on', 'desc')
      .orderBy('needs.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.n) };
}

/** A person sets or corrects the category; the correction becomes training data for the classifier. */
export async function correctCategory(deps: Deps, ctx: AuditContext, actor: Actor, id: number, categoryId: number) {
  const row = await deps.db
    .selectFrom('needs')
    .innerJoin('org_units', 'org_units.id', 'needs.unit_id')
    .select([...columns, 'org_units.path'])
    .where('needs.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'need', { unitPath: row.path });
  authorize(actor, 'update', 'need', { unitPath: row.path });
  const category = await deps.db
    .selectFrom('categories')
    .select('id')
    .where('id', '=', categoryId)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  if (!category) throw new DomainError('VALIDATION_FAILED', { field: 'categoryId' });
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('needs')
      .set({ category_id: categoryId, category_source: 'staff', corrected_by: actor.accountId, updated_at: ctx.at })
      .where('id', '=', id)
      .execute();
    await bumpCorrections(trx, ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'need',
      entityId: id,
      action: 'category.correct',
      unitId: row.unit_id,
      before: { categoryId: row.category_id, suggested: row.suggested_category_id },
      after: { categoryId },
    });
  });
  return present({ ...row, category_id: categoryId, category_source: 'staff' });
}

/** Days between two dates, inclusive. */
const spanDays = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * "Most pressing needs" of a unit's subtree: counts by category and by the units one level
 * down, each against the previous period of the same length, to drill down the org tree.
 */
export async function pressingNeeds(deps: Deps, actor: Actor, q: z.infer<typeof pressingQuery>) {
  if (q.to < q.from) throw new DomainError('VALIDATION_FAILED', { field: 'to' });
  const root = await unitInScope(deps, actor, q.under ?? actor.unitId, 'read');
  const days = spanDays(q.from, q.to);
  const previous = { from: addDays(q.from, -days), to: addDays(q.from, -1) };
  const { from, to } = subtreeRange(root.path);
  const rows = await deps.db
    .selectFrom('needs')
    .innerJoin('org_units', 'org_units.id', 'needs.unit_id')
    .select(['needs.category_id', 'needs.recorded_on', 'org_units.path'])
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to)
    .where('needs.recorded_on', '>=', previous.from)
    .where('needs.recorded_on', '<=', q.to)
    .execute();
  const children = await listChildren(deps.db, root.id);
  const childByCode = new Map(children.map((c) => [c.code, c]));
  const byCategory = new Map<number | null, { count: number; previous: number }>();
  const byUnit = new Map<number, { count: number; previous: number; categories: Map<number | null, number> }>();
  let total = 0;
  let previousTotal = 0;
  for (const r of rows) {
    const current = r.recorded_on >= q.from;
    if (current) total += 1;
    else previousTotal += 1;
    const c = byCategory.get(r.category_id) ?? { count: 0, previous: 0 };
    c[current ? 'count' : 'previous'] += 1;
    byCategory.set(r.category_id, c);
    const child = childByCode.get(r.path.slice(root.path.length).split('/')[0] ?? '');
    if (!child) continue;
    const u = byUnit.get(child.id) ?? { count: 0, previous: 0, categories: new Map() };
    u[current ? 'count' : 'previous'] += 1;
    if (current) u.categories.set(r.category_id, (u.categories.get(r.category_id) ?? 0) + 1);
    byUnit.set(child.id, u);
  }
  return {
    unit: { id: root.id, name: root.name },
    period: { from: q.from, to: q.to },
    previous,
    total,
    previousTotal,
    byCategory: [...byCategory.entries()]
      .map(([categoryId, v]) => ({ categoryId, count: v.count, previous: v.previous, change: v.count - v.previous }))
      .sort((a, b) => b.count - a.count || b.change - a.change),
    byUnit: children
      .map((c) => {
        const u = byUnit.get(c.id);
        const top = u ? [...u.categories.entries()].sort((a, b) => b[1] - a[1])[0] : undefined;
        return {
          unitId: c.id,
          name: c.name,
          count: u?.count ?? 0,
          previous: u?.previous ?? 0,
          topCategoryId: top ? top[0] : null,
          hasChildren: Boolean(c.has_children),
        };
      })
      .sort((a, b) => b.count - a.count),
  };
}
