import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../contract/common.ts';
import type { volunteerKind } from '../../../contract/volunteers.ts';
import { listVolunteersQuery, volunteer } from '../../../contract/volunteers.ts';
import { DomainError } from '../../../domain/errors.ts';
import { subtreeRange } from '../../../domain/org/units.ts';
import type { z } from 'zod';
import { authorize, likeEscape } from '../../authorize.ts';
import { actorOf } from '../../plugins/session.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { maskPhone } from '../studios/studios.presenter.ts';

/** The registry, read-only for now: staff pick studio members from it. Search by name, pinyin or initials. */
export const volunteerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/volunteers',
    { config: { access: { action: 'read', subject: 'volunteer' } }, schema: { tags: ['registry'], summary: 'People and organisations in the registry', querystring: listVolunteersQuery, response: { 200: pageOf(volunteer) } } },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      let path = actor.unitPath;
      authorize(actor, 'read', 'volunteer', { unitPath: path });
      if (q.under) {
        const unit = await findUnit(deps.db, q.under);
        if (!unit) throw new DomainError('NOT_FOUND');
        authorize(actor, 'read', 'volunteer', { unitPath: unit.path });
        path = unit.path;
      }
      const { from, to } = subtreeRange(path);
      let base = deps.db.selectFrom('volunteers').innerJoin('org_units', 'org_units.id', 'volunteers.unit_id').where('org_units.path', '>=', from).where('org_units.path', '<', to);
      if (q.kind) base = base.where('volunteers.kind', '=', q.kind);
      if (q.q) {
        const text = `%${likeEscape(q.q)}%`;
        const key = `${likeEscape(q.q.toLowerCase().replace(/\s+/g, ''))}%`;
        base = base.where((eb) => eb.or([sql<boolean>`volunteers.name like ${text} escape '\\'`, sql<boolean>`volunteers.pinyin like ${key} escape '\\'`, sql<boolean>`volunteers.initials like ${key} escape '\\'`]));
      }
      const [rows, count] = await Promise.all([
        base.selectAll('volunteers').select('org_units.name as unit_name').orderBy('volunteers.id').limit(q.limit).offset(q.offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      // Admins arrange services and need the number; members and supervisors see it masked.
      const showPhone = actor.role !== 'member' && actor.role !== 'supervisor';
      return {
        total: Number(count.n),
        items: rows.map((v) => ({
          id: v.id,
          kind: v.kind as z.infer<typeof volunteerKind>,
          name: v.name,
          unitId: v.unit_id,
          unitName: v.unit_name,
          phone: showPhone ? v.phone : maskPhone(v.phone),
          profession: v.profession,
          partyBranch: v.party_branch,
          accountId: v.account_id,
          screeningStatus: v.screening_status,
        })),
      };
    },
  );
};
