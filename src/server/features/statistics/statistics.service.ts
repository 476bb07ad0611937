import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { labelOf, servingStatuses, zhLabels } from '../../../domain/statistics/labels.ts';
import { dayBefore, previousPeriod, type DayRange } from '../../../domain/statistics/rollups.ts';
import { studioStatuses } from '../../../domain/studios/lifecycle.ts';
import { volunteerKinds } from '../../../domain/registry/import-rows.ts';
import { venueTypes } from '../../../domain/siting/coverage.ts';
import type { Chart, Dashboard, dashboardQuery } from '../../../contract/statistics.ts';
import type { Locale } from '../../../contract/common.ts';
import type { Deps } from '../../context.ts';
import { resolveScope } from '../../scope.ts';
import { businessDayStart, chinaDate } from '../../time.ts';
import * as repo from './statistics.repository.ts';
import * as counts from './count-rollups.repository.ts';
import * as snapshot from './studio-snapshot.repository.ts';
import { categoryName, chartOf, countBy, linkTo, recordsLink, tallies } from './statistics.presenter.ts';
import { letterRates, letterRatesOfRows, serviceCharts } from './statistics-services.service.ts';
import { supervisionCountsReady } from './supervision-counts.commands.ts';

type Query = z.infer<typeof dashboardQuery>;

/** The unit a dashboard covers, with the trail from the actor's unit down to it and its children. */
async function unitOf(deps: Deps, actor: Actor, under: number | undefined) {
  const scope = await resolveScope(deps.db, actor, 'read', 'statistics', under);
  const unit = await repo.findUnitCore(deps.db, scope.unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  const trail = (await repo.listUnitsOnPath(deps.db, unit.path)).filter((u) => u.path.startsWith(actor.unitPath));
  const children = await repo.listChildUnits(deps.db, unit.id);
  return { unit, trail, children };
}

const strip = (u: { id: number; name: string; level: string }) => ({ id: u.id, name: u.name, level: u.level });

/**
 * The dashboard of a unit (the actor's own, or one below it) over a period, with the period
 * before it beside: the network's state at the end of each, the services from the rollups,
 * the supervision figures. Each figure names the list behind it.
 */
export async function dashboardOf(deps: Deps, actor: Actor, q: Query, locale: Locale = 'zh-CN'): Promise<Dashboard> {
  const { unit, trail, children } = await unitOf(deps, actor, q.under);
  const cur: DayRange = { from: q.from, to: q.to };
  const prev = previousPeriod(cur);
  const endCur = businessDayStart(cur.to);
  const endPrev = businessDayStart(prev.to);
  const today = chinaDate(deps.clock.now());
  const categories = (await repo.listCategoryLabels(deps.db)).map((c) => ({
    id: c.id,
    code: c.code,
    label: categoryName(c, locale),
  }));
  const db = deps.db;
  const path = unit.path;

  const serving = (status: string) => servingStatuses.includes(status);
  const [[netCur, netPrev], [volCur = [], volPrev = []]] = await Promise.all([
    snapshot.studioFiguresAt(db, path, [endCur, endPrev], serving),
    counts.sumVolunteersBefore(db, unit.id, [cur.to, prev.to]),
  ]);
  if (!netCur || !netPrev) throw new Error('two instants asked, two answers expected');
  const [leadersCur, leadersPrev, commitCur, commitPrev] = await Promise.all([
    repo.countContractedLeaders(db, path, endCur),
    repo.countContractedLeaders(db, path, endPrev),
    repo.countPublishedCommitments(db, path, endCur),
    repo.countPublishedCommitments(db, path, endPrev),
  ]);
  const noInspections = { done: 0, overdue: 0, planned: 0 };
  // Inspections and 三率 from their counts once built (after an upgrade, in the background), from the rows until then.
  const supervisionCounted = await supervisionCountsReady(db);
  const [
    [ratingsCur = [], ratingsPrev = []],
    [lettersCur = [], lettersPrev = []],
    [inspCur = noInspections, inspPrev = noInspections],
    needsCur,
    needsPrev,
  ] = await Promise.all([
    counts.sumRatings(db, unit.id, [cur, prev]),
    counts.sumCounts(db, unit.id, 'letter', [cur, prev]),
    supervisionCounted
      ? counts.sumInspections(db, unit.id, [cur, prev], today)
      : repo.countInspections(db, path, [cur, prev], today),
    repo.countNeeds(db, path, cur.from, cur.to),
    repo.countNeeds(db, path, prev.from, prev.to),
  ]);
  const childNames = new Map(children.map((c) => [String(c.id), c.name]));
  const services = await serviceCharts(
    deps,
    unit.id,
    children.map((c) => c.id),
    childNames,
    cur,
    prev,
    categories,
  );

  const catKeys = categories.map((c) => String(c.id));
  const catLabel = (k: string) => categories.find((c) => String(c.id) === k)?.label ?? k;
  const studiosLink = (filters: Record<string, string | undefined>) => linkTo('/studios', unit.id, filters);
  const registryLink = (filters: Record<string, string | undefined>) => linkTo('/registry', unit.id, filters);

  const [rCur, rPrev] = supervisionCounted
    ? await letterRates(deps, unit.id, [cur, prev], today)
    : await Promise.all([letterRatesOfRows(deps, path, cur, today), letterRatesOfRows(deps, path, prev, today)]);
  const pct = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 10);
  const lettersLink = (filters: Record<string, string | undefined>) =>
    linkTo('/mailbox', unit.id, { receivedFrom: cur.from, receivedTo: dayBefore(cur.to), ...filters });

  const volunteersTotal = (rows: typeof volCur) => rows.reduce((s, r) => s + r.n, 0);
  const scoreMean = (rows: typeof ratingsCur) => {
    const n = rows.reduce((s, r) => s + r.n, 0);
    return n === 0 ? 0 : Math.round((rows.reduce((s, r) => s + r.score * r.n, 0) / n) * 100) / 100;
  };

  const headline: Chart = {
    id: 'headline',
    measure: 'count',
    items: [
      {
        key: 'studiosServing',
        current: netCur.serving,
        previous: netPrev.serving,
        link: studiosLink({ status: 'active' }),
      },
      {
        key: 'volunteers',
        current: volunteersTotal(volCur),
        previous: volunteersTotal(volPrev),
        link: registryLink({}),
      },
      { key: 'contractedLeaders', current: leadersCur, previous: leadersPrev, link: studiosLink({ status: 'active' }) },
      {
        key: 'publishedCommitments',
        current: commitCur,
        previous: commitPrev,
        link: studiosLink({ status: 'active' }),
      },
      {
        key: 'personTimes',
        current: services.personTimes[0],
        previous: services.personTimes[1],
        link: recordsLink(unit.id, cur),
      },
      {
        key: 'legalAid',
        current: services.legalAid[0],
        previous: services.legalAid[1],
        link: recordsLink(unit.id, cur, { categoryId: categories.find((c) => c.code === 'legal')?.id }),
      },
    ].map((f) => ({ ...f, label: labelOf(zhLabels.headline, f.key) })),
  };

  const charts: Chart[] = [
    headline,
    chartOf(
      'studiosByStatus',
      'count',
      tallies(studioStatuses, (k) => labelOf(zhLabels.studioStatus, k), netCur.byStatus, netPrev.byStatus),
      (k) => studiosLink({ status: k }),
    ),
    chartOf(
      'studiosByCategory',
      'count',
      tallies(catKeys, catLabel, netCur.servingByCategory, netPrev.servingByCategory),
      (k) => studiosLink({ categoryId: k }),
    ),
    chartOf(
      'studiosByVenueType',
      'count',
      tallies(
        [...venueTypes, 'unknown'],
        (k) => labelOf(zhLabels.venueType, k),
        netCur.servingByVenueType,
        netPrev.servingByVenueType,
      ),
      (k) => studiosLink({ venueType: k }),
    ),
    chartOf(
      'studiosByLevel',
      'count',
      tallies(
        ['community', 'village', 'enterprise'],
        (k) => labelOf(zhLabels.level, k),
        netCur.servingByLevel,
        netPrev.servingByLevel,
      ),
      (k) => studiosLink({ level: k }),
    ),
    chartOf(
      'volunteersByKind',
      'count',
      tallies(
        volunteerKinds,
        (k) => labelOf(zhLabels.volunteerKind, k),
        countBy(
          volCur,
          (r) => r.kind,
          (r) => r.n,
        ),
        countBy(
          volPrev,
          (r) => r.kind,
          (r) => r.n,
        ),
      ),
      (k) => registryLink({ kind: k }),
    ),
    chartOf(
      'volunteersByScreening',
      'count',
      tallies(
        ['candidate', 'selected', 'declined'],
        (k) => labelOf(zhLabels.screening, k),
        countBy(
          volCur,
          (r) => r.screening,
          (r) => r.n,
        ),
        countBy(
          volPrev,
          (r) => r.screening,
          (r) => r.n,
        ),
      ),
      (k) => registryLink({ screeningStatus: k }),
    ),
    ...services.charts,
    chartOf(
      'ratings',
      'score',
      [
        ...[5, 4, 3, 2, 1].map((score) => ({
          key: String(score),
          label: `${score} 星`,
          current: ratingsCur.find((r) => r.score === score)?.n ?? 0,
          previous: ratingsPrev.find((r) => r.score === score)?.n ?? 0,
        })),
        { key: 'mean', label: '平均分', current: scoreMean(ratingsCur), previous: scoreMean(ratingsPrev) },
      ],
      () => null,
    ),
    chartOf(
      'letters',
      'count',
      tallies(
        ['complaint', 'suggestion', 'praise', 'accusation'],
        (k) => labelOf(zhLabels.letterType, k),
        countBy(
          lettersCur,
          (r) => r.key,
          (r) => r.n,
        ),
        countBy(
          lettersPrev,
          (r) => r.key,
          (r) => r.n,
        ),
      ),
      (k) => lettersLink({ type: k }),
    ),
    chartOf(
      'threeRates',
      'rate',
      [
        { key: 'response', current: pct(rCur?.responseRate ?? null), previous: pct(rPrev?.responseRate ?? null) },
        { key: 'resolution', current: pct(rCur?.resolutionRate ?? null), previous: pct(rPrev?.resolutionRate ?? null) },
        {
          key: 'satisfaction',
          current: pct(rCur?.satisfactionRate ?? null),
          previous: pct(rPrev?.satisfactionRate ?? null),
        },
      ].map((f) => ({ ...f, label: labelOf(zhLabels.rates, f.key) })),
      () => lettersLink({}),
    ),
    chartOf(
      'inspections',
      'count',
      (['done', 'overdue', 'planned'] as const).map((k) => ({
        key: k,
        label: zhLabels.inspection[k],
        current: inspCur[k],
        previous: inspPrev[k],
      })),
      (k) =>
        linkTo('/inspections', unit.id, {
          status: k === 'done' ? 'submitted' : 'planned',
          dueFrom: cur.from,
          dueTo: dayBefore(cur.to),
        }),
    ),
    {
      ...chartOf(
        'needsByCategory',
        'count',
        tallies(
          catKeys,
          catLabel,
          countBy(
            needsCur,
            (r) => (r.categoryId === null ? null : String(r.categoryId)),
            (r) => r.n,
          ),
          countBy(
            needsPrev,
            (r) => (r.categoryId === null ? null : String(r.categoryId)),
            (r) => r.n,
          ),
        ),
        (k) => linkTo('/needs', unit.id, { categoryId: k, from: cur.from, to: dayBefore(cur.to) }),
      ),
      against: chartOf('studiosByCategory', 'count', tallies(catKeys, catLabel, netCur.servingByCategory, null), (k) =>
        studiosLink({ categoryId: k }),
      ).items,
    },
  ];
  return {
    unit: strip(unit),
    trail: trail.map(strip),
    children: children.map(strip),
    period: cur,
    previous: prev,
    charts,
  };
}
