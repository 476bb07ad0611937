import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import {
  draftBulletin,
  issuerOf,
  periodLabel,
  type BulletinContent,
  type BulletinFigure,
} from '../../../domain/statistics/bulletin.ts';
import { servingStatuses } from '../../../domain/statistics/labels.ts';
import { isGrassroots } from '../../../domain/org-units/units.ts';
import type { Bulletin, Chart, bulletinEdit, bulletinInput } from '../../../contract/statistics.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { businessDayStart, chinaDate } from '../../time.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './bulletins.repository.ts';
import { studioStatesAt } from './studio-snapshot.repository.ts';
import { dashboardOf } from './statistics.service.ts';

const otherVenues = ['market', 'residential', 'office'];

/** The figures a draft states, each with the dashboard query (or count) behind it. */
async function bulletinFacts(deps: Deps, actor: Actor, unitId: number, from: string, to: string) {
  const d = await dashboardOf(deps, actor, { under: unitId, from, to });
  const unit = d.unit;
  const scope = await resolveScope(deps.db, actor, 'read', 'statistics', unitId);
  const period = `${from} 至 ${to}（不含）`;
  const figures: Record<string, BulletinFigure> = {};
  const fromChart = (key: string, chart: Chart['id'], item: string, format?: (v: number) => string | number) => {
    const c = d.charts.find((x) => x.id === chart);
    const it = c?.items.find((i) => i.key === item);
    const v = it?.current ?? 0;
    const link = it?.link ? ` → ${it.link.path}?${new URLSearchParams(it.link.query).toString()}` : '';
    figures[key] = {
      value: format ? format(v) : v,
      label: it?.label ?? item,
      source: `统计看板 ${chart}/${item}，${unit.name}，${period}${link}`,
    };
  };
  const sumOf = (key: string, chart: Chart['id'], label: string) => {
    const c = d.charts.find((x) => x.id === chart);
    figures[key] = {
      value: (c?.items ?? []).reduce((s, i) => s + i.current, 0),
      label,
      source: `统计看板 ${chart} 合计，${unit.name}，${period}`,
    };
  };
  fromChart('personTimes', 'headline', 'personTimes');
  fromChart('studiosServing', 'headline', 'studiosServing');
  fromChart('volunteers', 'headline', 'volunteers');
  fromChart('contractedLeaders', 'headline', 'contractedLeaders');
  fromChart('commitments', 'headline', 'publishedCommitments');
  fromChart('legalAid', 'headline', 'legalAid');
  fromChart('legalMigrant', 'legalAidByGroup', 'migrant_workers');
  fromChart('legalYouth', 'legalAidByGroup', 'youth');
  fromChart('legalTaiwan', 'legalAidByGroup', 'taiwan_overseas');
  fromChart('volunteersParty', 'volunteersByKind', 'party_member');
  fromChart('complaints', 'letters', 'complaint');
  fromChart('suggestions', 'letters', 'suggestion');
  fromChart('praise', 'letters', 'praise');
  sumOf('letters', 'letters', '来信');
  const lettersCount = Number(figures.letters?.value ?? 0);
  const rate = (v: number) => (lettersCount === 0 ? '—' : `${v}%`);
  fromChart('responseRate', 'threeRates', 'response', rate);
  fromChart('resolutionRate', 'threeRates', 'resolution', rate);
  fromChart('satisfactionRate', 'threeRates', 'satisfaction', rate);
  fromChart('inspectionsDone', 'inspections', 'done');
  fromChart('inspectionsOverdue', 'inspections', 'overdue');
  fromChart('ratingMean', 'ratings', 'mean');
  const ratings = d.charts.find((c) => c.id === 'ratings');
  figures.ratings = {
    value: (ratings?.items ?? []).filter((i) => i.key !== 'mean').reduce((s, i) => s + i.current, 0),
    label: '群众评价',
    source: `统计看板 ratings 合计，${unit.name}，${period}`,
  };
  const cats = d.charts.find((c) => c.id === 'studiosByCategory');
  figures.categories = {
    value: (cats?.items ?? []).filter((i) => i.current > 0).length,
    label: '有在岗工作室的服务类别',
    source: `统计看板 studiosByCategory 中不为零的类别数，${unit.name}，期末`,
  };

  // Where the studios are: communities, villages and enterprises, and the other venues.
  const [atEnd = []] = await studioStatesAt(deps.db, scope.path, [businessDayStart(to)]);
  const states = atEnd.filter((s) => s.status !== null && servingStatuses.includes(s.status));
  const inOther = (s: (typeof states)[number]) => s.venueType !== null && otherVenues.includes(s.venueType);
  const studioFigure = (value: number, label: string, rule: string) => ({
    value,
    label,
    source: `在岗工作室（已授牌、整改中）期末状态，${unit.name}，${rule}`,
  });
  figures.studiosCommunity = studioFigure(
    states.filter((s) => s.level === 'community' && !inOther(s)).length,
    '社区工作室',
    '所在单位为社区，场所不是大型市场、住宅小区、商务楼宇',
  );
  figures.studiosRuralEnterprise = studioFigure(
    states.filter((s) => (s.level === 'village' || s.level === 'enterprise') && !inOther(s)).length,
    '农村社区和企业工作室',
    '所在单位为村或企业，场所不是大型市场、住宅小区、商务楼宇',
  );
  figures.studiosOtherVenues = studioFigure(
    states.filter(inOther).length,
    '大型市场、住宅小区、商务楼宇工作室',
    '场所类型为大型市场、住宅小区或商务楼宇',
  );

  const needs = await repo.countNeedsByChannel(deps.db, scope.path, from, to);
  const needSource = (channel: string) =>
    `民情需求 needs，${unit.name}，${period}${channel ? `，渠道 ${channel}` : ''}`;
  figures.needs = {
    value: [...needs.values()].reduce((s, v) => s + v, 0),
    label: '收集群众需求',
    source: needSource(''),
  };
  figures.needsDiary = { value: needs.get('diary') ?? 0, label: '民情日记', source: needSource('diary') };
  figures.needsSurvey = { value: needs.get('survey') ?? 0, label: '征求意见', source: needSource('survey') };
  figures.needsVisit = { value: needs.get('visit') ?? 0, label: '入户访谈', source: needSource('visit') };

  const events = await repo.countStudioEvents(deps.db, scope.path, businessDayStart(from), businessDayStart(to));
  const eventSource = (action: string) => `工作室流转记录 studio_transitions，动作 ${action}，${unit.name}，${period}`;
  figures.applications = { value: events.get('submit') ?? 0, label: '申办、领办', source: eventSource('submit') };
  figures.contracts = { value: events.get('sign') ?? 0, label: '签约', source: eventSource('sign') };
  figures.plaques = { value: events.get('award') ?? 0, label: '授牌', source: eventSource('award') };
  figures.revocations = { value: events.get('revoke') ?? 0, label: '取消牌匾', source: eventSource('revoke') };

  const examples = (
    await repo.listExampleStudios(deps.db, scope.path, businessDayStart(from), businessDayStart(to), 3)
  ).map((e) => ({
    studio: e.name,
    leader: e.leader,
    unitTrail: isGrassroots(e.unit_level) && e.parent_name ? `${e.parent_name}${e.unit_name}` : e.unit_name,
    description: e.description,
    personTimes: Number(e.person_times),
  }));
  return { unit, figures, examples };
}

function present(
  b: repo.BulletinRow,
  v: NonNullable<Awaited<ReturnType<typeof repo.findBulletinVersion>>>,
  actor: Actor,
): Bulletin {
  return {
    id: b.id,
    unitId: b.unit_id,
    unitName: b.unit_name,
    year: b.year,
    number: b.number,
    period: { from: b.period_from, to: b.period_to },
    status: b.status,
    version: b.version,
    editedBy: v.author,
    editedAt: v.at,
    content: JSON.parse(v.content_json) as BulletinContent,
    allowedActions: can(actor, 'update', 'bulletin', { unitPath: b.unit_path }) ? ['update'] : [],
  };
}

/** A bulletin the actor may read, with its current text. */
export async function getBulletin(deps: Deps, actor: Actor, id: number): Promise<Bulletin> {
  const b = await repo.findBulletin(deps.db, id);
  if (!b) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'bulletin', { unitPath: b.unit_path });
  const v = await repo.findBulletinVersion(deps.db, id, b.version);
  if (!v) throw new DomainError('NOT_FOUND');
  return present(b, v, actor);
}

/** The bulletins of the actor's subtree (or a unit in it). */
export async function listBulletins(deps: Deps, actor: Actor, under: number | undefined) {
  const scope = await resolveScope(deps.db, actor, 'read', 'bulletin', under);
  const rows = await repo.listBulletins(deps.db, scope.path);
  return rows.map((b) => ({
    id: b.id,
    unitName: b.unit_name,
    year: b.year,
    number: b.number,
    period: { from: b.period_from, to: b.period_to },
    version: b.version,
    updatedAt: b.updated_at,
  }));
}

/**
 * Generates the draft bulletin of a unit for a period: every number counted from the data of
 * that period and unit, numbered as the unit's next bulletin of the year; audited.
 */
export async function generateBulletin(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof bulletinInput>,
): Promise<Bulletin> {
  const scope = await resolveScope(deps.db, actor, 'create', 'bulletin', input.under);
  const { unit, figures, examples } = await bulletinFacts(deps, actor, scope.unitId, input.from, input.to);
  const today = chinaDate(new Date(ctx.at));
  const year = Number(today.slice(0, 4));
  const id = await deps.db.transaction().execute(async (trx) => {
    const number = await repo.nextBulletinNumber(trx, unit.id, year);
    const content = draftBulletin({
      unitName: unit.name,
      issuer: issuerOf(unit.name, unit.level),
      year,
      number,
      date: today,
      periodLabel: periodLabel(input.from, input.to),
      figures,
      examples,
    });
    const bulletinId = await repo.insertBulletin(trx, {
      unit_id: unit.id,
      year,
      number,
      period_from: input.from,
      period_to: input.to,
      status: 'draft',
      version: 1,
      created_by: actor.accountId,
      created_at: ctx.at,
      updated_at: ctx.at,
      issued_at: null,
    });
    await repo.insertBulletinVersion(trx, {
      bulletin_id: bulletinId,
      version: 1,
      content_json: JSON.stringify(content),
      author_id: actor.accountId,
      at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'bulletin',
      entityId: bulletinId,
      action: 'create',
      unitId: unit.id,
      after: { year, number, from: input.from, to: input.to },
    });
    return bulletinId;
  });
  return getBulletin(deps, actor, id);
}

/** Saves an edit of a bulletin's text as a new version (the figures stay the period's); audited. */
export async function editBulletin(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof bulletinEdit>,
): Promise<Bulletin> {
  const b = await repo.findBulletin(deps.db, id);
  if (!b) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'bulletin', { unitPath: b.unit_path });
  authorize(actor, 'update', 'bulletin', { unitPath: b.unit_path });
  const current = await repo.findBulletinVersion(deps.db, id, b.version);
  if (!current || input.version !== b.version) throw new DomainError('CONFLICT');
  const before = JSON.parse(current.content_json) as BulletinContent;
  const { version, ...text } = input;
  const content: BulletinContent = { ...before, ...text };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.bumpBulletinVersion(trx, id, version, ctx.at))) throw new DomainError('CONFLICT');
    await repo.insertBulletinVersion(trx, {
      bulletin_id: id,
      version: version + 1,
      content_json: JSON.stringify(content),
      author_id: actor.accountId,
      at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'bulletin',
      entityId: id,
      action: 'update',
      unitId: b.unit_id,
      after: { version: version + 1 },
    });
  });
  return getBulletin(deps, actor, id);
}
