import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Deps } from '../../context.ts';
import {
  renderServiceCardPdf,
  renderServiceCardsSheetPdf,
  type ServiceCardDocument,
} from '../../documents/service-card.document.ts';
import { resolveScope } from '../../scope.ts';
import * as cards from './service-cards.repository.ts';
import { categoryNamesZh } from '../categories/categories.repository.ts';
import { loadVisibleStudio } from './studios.service.ts';
import { presentServiceCard } from './studio-documents.presenter.ts';

/** The cards of every member of the serving studios in a subtree (or of one studio), one per member per studio. */
async function cardsOf(deps: Deps, path: string, baseUrl: string, studioId?: number): Promise<ServiceCardDocument[]> {
  const rows = await cards.listCardRows(deps.db, path, studioId);
  const ids = [...new Set(rows.map((r) => r.studio_id))];
  const links = await cards.listCategoryLinks(deps.db, ids);
  const items = await cards.listServiceItemTitles(deps.db, ids);
  const names = await categoryNamesZh(deps.db);
  return rows.map((r) =>
    presentServiceCard(
      r,
      links.filter((c) => c.studio_id === r.studio_id).map((c) => names.get(c.category_id) ?? ''),
      items.filter((i) => i.studio_id === r.studio_id).map((i) => i.title),
      baseUrl,
    ),
  );
}

/** One studio's members' cards as PDF: a single card front and back, or A4 sheets of several; 404 when none serves. */
export async function studioCardsPdf(deps: Deps, actor: Actor, studioId: number, baseUrl: string): Promise<Buffer> {
  const studio = await loadVisibleStudio(deps.db, actor, studioId);
  const list = await cardsOf(deps, studio.unit_path, baseUrl, studio.id);
  const first = list[0];
  if (!first) throw new DomainError('NOT_FOUND');
  return list.length === 1 ? renderServiceCardPdf(first) : renderServiceCardsSheetPdf(list);
}

/** A batch of cards (A4 sheets) for the serving studios in the actor's subtree, or in a unit inside it. */
export async function subtreeCardsPdf(
  deps: Deps,
  actor: Actor,
  under: number | undefined,
  baseUrl: string,
): Promise<Buffer> {
  const scope = await resolveScope(deps.db, actor, 'read', 'studio', under);
  const list = await cardsOf(deps, scope.path, baseUrl);
  if (list.length === 0) throw new DomainError('NOT_FOUND');
  return renderServiceCardsSheetPdf(list);
}
