import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { DomainError } from '../../../domain/errors.ts';
import { isServing, type StudioStatus } from '../../../domain/studios/lifecycle.ts';
import type { Database } from '../../../db/schema.ts';
import type { PublicStudio } from '../../../contract/public.ts';
import type { Category } from '../../../contract/studios.ts';
import type { Deps } from '../../context.ts';
import { listCommitmentRows } from '../commitments/commitments.repository.ts';
import { commendationsOfStudio } from '../evaluation/notices.repository.ts';
import { findUnit, listSubtree } from '../org-units/org-units.repository.ts';
import { findStudioCore, loadStudioParts } from '../studios/studios.repository.ts';
import * as repo from './public.repository.ts';
import { presentCategory, presentPublicStudio } from './public.presenter.ts';
import { listCategoryRows } from '../categories/categories.repository.ts';

/** Statuses a resident may look up: a studio that has held a plaque. Applications stay private. */
const PUBLIC_STATUSES: readonly string[] = ['active', 'rectification', 'revoked', 'closed'];

/** Levels a resident picks and subscribes to: the units studios serve. */
export const RESIDENT_LEVELS: readonly string[] = ['community', 'village', 'enterprise'];

/** The enabled service categories, in display order. */
export async function listPublicCategories(db: Kysely<Database>): Promise<Category[]> {
  return (await listCategoryRows(db)).map(presentCategory).filter((c) => c.enabled);
}

/** A studio's public page, or 404 for one that never served. */
export async function publicStudio(deps: Deps, id: number, baseUrl: string | null): Promise<PublicStudio> {
  const core = await findStudioCore(deps.db, id);
  if (!core || !PUBLIC_STATUSES.includes(core.status)) throw new DomainError('NOT_FOUND');
  const parts = await loadStudioParts(deps.db, id);
  // A studio that no longer serves shows no commitments, so they are not even read.
  const serving = isServing(core.status as StudioStatus);
  const published = serving ? await listCommitmentRows(deps.db, id, ['published']) : [];
  const commendations = serving ? await commendationsOfStudio(deps.db, id) : [];
  return presentPublicStudio(core, parts, published, baseUrl, commendations);
}

/** The QR code (SVG) of a studio's public page; 404 like the page itself. */
export async function studioQrSvg(deps: Deps, id: number, baseUrl: string): Promise<string> {
  const studio = await publicStudio(deps, id, baseUrl);
  return QRCode.toString(studio.publicUrl ?? `${baseUrl}/s/${id}`, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
  });
}

/** The bulletin board (公告栏) of a community: every serving studio in it, with its commitments. */
export async function bulletinBoard(deps: Deps, unitId: number, baseUrl: string | null) {
  const unit = await findUnit(deps.db, unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  const parent = unit.parent_id ? await findUnit(deps.db, unit.parent_id) : undefined;
  const studios = [];
  for (const id of await repo.listServingStudioIds(deps.db, unitId))
    studios.push(await publicStudio(deps, id, baseUrl));
  return {
    unit: { id: unit.id, name: unit.name, parentName: parent?.name ?? null },
    studios,
    generatedAt: deps.clock.now().toISOString(),
  };
}

/** Serving studios by a part of their name (no personal data: name and community only). */
export async function searchPublicStudios(db: Kysely<Database>, q: string, limit: number) {
  const rows = await repo.searchServingStudios(db, q, limit);
  return rows.map((r) => ({ id: r.id, name: r.name, unit: { id: r.unit_id, name: r.unit_name } }));
}

/** Communities, villages and enterprises residents can pick, by name, pinyin or initials. */
export async function searchPublicUnits(db: Kysely<Database>, q: string | undefined, limit: number) {
  const rootPath = await repo.findRootPath(db);
  if (rootPath === undefined) return [];
  const { rows } = await listSubtree(db, { path: rootPath, q: q || undefined, limit: limit * 3, offset: 0 });
  const leaves = rows.filter((r) => RESIDENT_LEVELS.includes(r.level)).slice(0, limit);
  const parents = new Map(
    (await Promise.all([...new Set(leaves.map((l) => l.parent_id ?? 0))].map((id) => findUnit(db, id))))
      .filter((u) => u !== undefined)
      .map((u) => [u.id, u.name]),
  );
  return leaves.map((l) => ({
    id: l.id,
    name: l.name,
    shortName: l.short_name,
    level: l.level,
    parentName: parents.get(l.parent_id ?? 0) ?? null,
  }));
}
