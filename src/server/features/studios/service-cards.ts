import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { subtreeRange } from '../../../domain/org/units.ts';
import { studioIdParam } from '../../../contract/studios.ts';
import { authorize } from '../../scope.ts';
import type { Deps } from '../../context.ts';
import {
  renderServiceCardPdf,
  renderServiceCardsSheetPdf,
  type ServiceCardDocument,
} from '../../documents/service-card.document.ts';
import { actorOf } from '../../plugins/session.ts';
import { publicBaseUrl } from '../../public-url.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';

/** The cards of every member of the serving studios in a subtree (or of one studio), one per member per studio. */
async function cardsOf(deps: Deps, path: string, baseUrl: string, studioId?: number): Promise<ServiceCardDocument[]> {
  const { from, to } = subtreeRange(path);
  let q = deps.db
    .selectFrom('studio_members')
    .innerJoin('studios', 'studios.id', 'studio_members.studio_id')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .innerJoin('org_units as u', 'u.id', 'studios.unit_id')
    .leftJoin('org_units as street', 'street.id', 'u.parent_id')
    .select([
      'studios.id as studio_id',
      'studios.name as studio_name',
      'studios.opening_hours',
      'studios.contact_phone',
      'volunteers.name as member_name',
      'u.name as unit_name',
      'street.name as street_name',
      'studio_members.role',
    ])
    .where('u.path', '>=', from)
    .where('u.path', '<', to)
    .where('studios.status', 'in', ['active', 'rectification']);
  if (studioId) q = q.where('studios.id', '=', studioId);
  const rows = await q.orderBy('u.path').orderBy('studios.id').orderBy('studio_members.role').execute();
  const ids = [...new Set(rows.map((r) => r.studio_id))];
  const cats = ids.length
    ? await deps.db
        .selectFrom('studio_categories')
        .select(['studio_id', 'category_id'])
        .where('studio_id', 'in', ids)
        .execute()
    : [];
  const items = ids.length
    ? await deps.db
        .selectFrom('studio_service_items')
        .select(['studio_id', 'title'])
        .where('studio_id', 'in', ids)
        .orderBy('position')
        .execute()
    : [];
  const names = new Map((await listCategories(deps.db)).map((c) => [c.id, c.name['zh-CN']]));
  return rows.map((r) => ({
    memberName: r.member_name,
    studioName: r.studio_name,
    unitName: r.unit_name,
    streetName: r.street_name ?? '',
    categories: cats.filter((c) => c.studio_id === r.studio_id).map((c) => names.get(c.category_id) ?? ''),
    serviceItems: items.filter((i) => i.studio_id === r.studio_id).map((i) => i.title),
    contactPhone: r.contact_phone,
    openingHours: r.opening_hours,
    studioUrl: `${baseUrl}/s/${r.studio_id}`,
    ratingUrl: `${baseUrl}/s/${r.studio_id}?rate=1`,
  }));
}

async function scopeOf(deps: Deps, actor: Actor, under?: number): Promise<string> {
  authorize(actor, 'read', 'studio', { unitPath: actor.unitPath });
  if (!under) return actor.unitPath;
  const unit = await findUnit(deps.db, under);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'studio', { unitPath: unit.path });
  return unit.path;
}

const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename="${name}.pdf"`,
});

/** Convenience service cards (便民服务卡): one studio's members, or a batch for a whole street, ready to print. */
export const serviceCardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['studios'];
  const access = { action: 'read', subject: 'studio' } as const;

  app.get(
    '/api/studios/:id/cards.pdf',
    {
      config: { access },
      schema: {
        tags,
        summary: "Service cards of a studio's members (one card: front and back; several: A4 sheets)",
        params: studioIdParam,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const studio = await deps.db
        .selectFrom('studios')
        .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
        .select(['studios.id', 'org_units.path'])
        .where('studios.id', '=', request.params.id)
        .executeTakeFirst();
      if (!studio) throw new DomainError('NOT_FOUND');
      authorize(actor, 'read', 'studio', { unitPath: studio.path });
      const cards = await cardsOf(deps, studio.path, publicBaseUrl(deps.config, request), studio.id);
      if (cards.length === 0) throw new DomainError('NOT_FOUND');
      const first = cards[0];
      const pdf =
        cards.length === 1 && first ? await renderServiceCardPdf(first) : await renderServiceCardsSheetPdf(cards);
      return reply.headers(pdfHeaders('service-cards')).send(pdf);
    },
  );

  app.get(
    '/api/service-cards.pdf',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A batch of service cards for every member of the serving studios in a unit (e.g. a street)',
        querystring: z.strictObject({ under: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request, reply) => {
      const path = await scopeOf(deps, actorOf(request), request.query.under);
      const cards = await cardsOf(deps, path, publicBaseUrl(deps.config, request));
      if (cards.length === 0) throw new DomainError('NOT_FOUND');
      return reply.headers(pdfHeaders('service-cards')).send(await renderServiceCardsSheetPdf(cards));
    },
  );
};
