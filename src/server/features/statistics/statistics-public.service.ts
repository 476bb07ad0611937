import type { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import { servingStatuses } from '../../../domain/statistics/labels.ts';
import { coverPeriod } from '../../../domain/statistics/rollups.ts';
import { suppressList } from '../../../domain/statistics/suppression.ts';
import { servedGroups } from '../../../domain/delivery/delivery.ts';
import type { Locale } from '../../../contract/common.ts';
import type { publicStatistics, publicStatisticsQuery } from '../../../contract/statistics.ts';
import type { MessageKey } from '../../../web/lib/i18n/messages.ts';
import { exportText, loadExportLabels } from '../../i18n/export-values.ts';
import { businessDayStart } from '../../time.ts';
import type { Deps } from '../../context.ts';
import * as rollups from './rollups.repository.ts';
import { categoryName } from './statistics.presenter.ts';
import * as snapshot from './studio-snapshot.repository.ts';
import * as repo from './statistics.repository.ts';
import { minimumCount } from './statistics-settings.service.ts';

type Item = { key: string; label: string; value: number };

function suppressed(items: readonly Item[], minimum: number, totalLabel: string) {
  const out = suppressList(
    items.map((i) => i.value),
    minimum,
  );
  return {
    items: items.map((i, k) => ({ key: i.key, label: i.label, ...out.cells[k]! })),
    total: { key: 'total', label: totalLabel, ...out.total },
  };
}

/**
 * The figures of a unit the public may see: studios serving by category and person-times by
 * category and by group, with every count below the district's minimum shown as "< N" and a
 * second cell withheld wherever a total would give a small one away. Categories and groups are
 * named in the reader's language (Accept-Language), as the console names them.
 */
export async function publicFigures(
  deps: Deps,
  q: z.infer<typeof publicStatisticsQuery>,
  locale: Locale = 'zh-CN',
): Promise<z.infer<typeof publicStatistics>> {
  await loadExportLabels();
  const unit = await repo.findUnitCore(deps.db, q.unit);
  if (!unit) throw new DomainError('NOT_FOUND');
  const minimum = await minimumCount(deps.db);
  const categories = await repo.listCategoryLabels(deps.db);
  const legal = categories.find((c) => c.code === 'legal');
  const slices = rollups.slicesOf([unit.id], coverPeriod({ from: q.from, to: q.to }));
  const sums = async (by: rollups.RollupDimension, o: { groups: boolean; categoryId?: number | undefined }) =>
    new Map((await rollups.sumRollups(deps.db, slices, by, o)).map((r) => [r.key, r.personTimes]));
  const [byCat, byGroup, legalByGroup] = await Promise.all([
    sums('category_id', { groups: false }),
    sums('group_key', { groups: true }),
    legal ? sums('group_key', { groups: true, categoryId: legal.id }) : Promise.resolve(new Map<string, number>()),
  ]);
  const [states = []] = await snapshot.studioStatesAt(deps.db, unit.path, [businessDayStart(q.to)]);
  const serving = new Set(
    states.filter((s) => s.status !== null && servingStatuses.includes(s.status)).map((s) => s.id),
  );
  const pairs = (await snapshot.studioCategoriesIn(deps.db, unit.path)).filter((p) => serving.has(p.studio_id));
  const catItems = (m: (id: number) => number) =>
    categories.map((c) => ({ key: c.code, label: categoryName(c, locale), value: m(c.id) }));
  const groupItems = (m: ReadonlyMap<string, number>, keys: readonly string[]) =>
    keys.map((g) => ({ key: g, label: exportText(locale, `delivery.group.${g}` as MessageKey), value: m.get(g) ?? 0 }));
  const total = exportText(locale, 'statistics.total');
  return {
    unit: { id: unit.id, name: unit.name },
    period: { from: q.from, to: q.to },
    minimumCount: minimum,
    studiosByCategory: suppressed(
      catItems((id) => pairs.filter((p) => p.category_id === id).length),
      minimum,
      total,
    ),
    servicesByCategory: suppressed(
      catItems((id) => byCat.get(String(id)) ?? 0),
      minimum,
      total,
    ),
    servicesByGroup: suppressed(groupItems(byGroup, servedGroups), minimum, total),
    legalAidByGroup: suppressed(
      groupItems(legalByGroup, ['migrant_workers', 'youth', 'taiwan_overseas']),
      minimum,
      total,
    ),
  };
}
