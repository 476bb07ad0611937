import type { z } from 'zod';
import type { Need, listNeedsQuery, needInput, pressingQuery } from '../../../contract/needs.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { addDays } from '../../time.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCategory } from '../categories/categories.repository.ts';
import { findUnit, listChildren } from '../org-units/org-units.repository.ts';
import { bumpCorrections, suggestCategory } from './needs-model.service.ts';
import { maskName, presentNeed } from './needs.presenter.ts';
import * as repo from './needs.repository.ts';

/** Suggests a category while staff type (writes nothing). */
export async function suggestNeedCategory(deps: Deps, actor: Actor, text: string) {
  await resolveScope(deps.db, actor, 'create', 'need');
  return suggestCategory(deps.db, text);
}

/** Records a need and files it under the suggested category when the classifier is confident; otherwise a person chooses. */
export async function recordNeed(deps: Deps, ctx: AuditContext, actor: Actor, input: z.infer<typeof needInput>) {
  const unit = await resolveScope(deps.db, actor, 'create', 'need', input.unitId);
  const suggestion = await suggestCategory(deps.db, input.text);
  const id = await deps.db.transaction().execute(async (trx) => {
    const newId = await repo.insertNeed(trx, {
      unit_id: unit.unitId,
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
    });
    await recordAudit(trx, ctx, {
      entity: 'need',
      entityId: newId,
      action: 'create',
      unitId: unit.unitId,
      after: {
        channel: input.channel,
        text: input.text,
        suggested: suggestion.categoryId,
        confidence: suggestion.confidence,
        resident: maskName(input.residentName ?? null),
      },
    });
    return newId;
  });
  const row = await repo.findNeed(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  return { need: presentNeed(row, actor), suggestion };
}

/** Needs of the actor's subtree, or of a unit inside it, newest first. */
export async function listNeeds(deps: Deps, actor: Actor, q: z.infer<typeof listNeedsQuery>) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'need', q.under);
  const { rows, total } = await repo.listNeedPage(
    deps.db,
    {
      path,
      categoryId: q.categoryId,
      uncategorised: Boolean(q.uncategorised),
      channel: q.channel,
      from: q.from,
      to: q.to,
    },
    q.limit,
    q.offset,
  );
  return { items: rows.map((r) => presentNeed(r, actor)), total };
}

/** A person sets or corrects the category; the correction becomes training data for the classifier. */
export async function correctCategory(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  categoryId: number,
): Promise<Need> {
  const row = await repo.findNeed(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'need', { unitPath: row.unit_path });
  authorize(actor, 'update', 'need', { unitPath: row.unit_path });
  const category = await findCategory(deps.db, categoryId);
  if (!category || category.enabled !== 1) throw new DomainError('VALIDATION_FAILED', { field: 'categoryId' });
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateNeed(trx, id, {
      category_id: categoryId,
      category_source: 'staff',
      corrected_by: actor.accountId,
      updated_at: ctx.at,
    });
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
  return presentNeed({ ...row, category_id: categoryId, category_source: 'staff' }, actor);
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
  const scope = await resolveScope(deps.db, actor, 'read', 'need', q.under);
  const root = await findUnit(deps.db, scope.unitId);
  if (!root) throw new DomainError('NOT_FOUND');
  const days = spanDays(q.from, q.to);
  const previous = { from: addDays(q.from, -days), to: addDays(q.from, -1) };
  const rows = await repo.listNeedsRecordedBetween(deps.db, root.path, previous.from, q.to);
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
