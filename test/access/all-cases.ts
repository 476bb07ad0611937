import type { Role } from '../../src/domain/access/roles.ts';
import type { Db } from '../factories/common.ts';
import { buildAccount } from '../factories/accounts.ts';
import { demoPlace, type Place } from '../factories/demo.ts';
import { buildVolunteer } from '../factories/registry.ts';
import type { AccessCase, AccessCases, Scene } from './case.ts';

/** The demo account that signs in for each role: 西城街道 for the street, 西兴社区 for the community. */
export const demoUserOf: Record<Role, string> = {
  district_admin: 'admin',
  street_admin: 'xicheng',
  community_admin: 'xixing',
  member: 'zhangwanzhen',
  supervisor: 'jiandu',
};

// Every feature's `<area>.access.ts`, found by name: a new feature's cases join the matrix by
// existing, and a route no module covers fails the matrix.
const modules = import.meta.glob<{ accessCases?: AccessCases }>('../../src/server/features/*/*.access.ts', {
  eager: true,
});

/** The access cases of every feature, by `METHOD /url`, and the module each came from. */
export function allAccessCases(): Map<string, AccessCase & { module: string }> {
  const all = new Map<string, AccessCase & { module: string }>();
  for (const [module, exports] of Object.entries(modules)) {
    if (!exports.accessCases) throw new Error(`${module} exports no accessCases`);
    for (const [key, c] of Object.entries(exports.accessCases)) {
      const seen = all.get(key);
      if (seen) throw new Error(`${key} is in both ${seen.module} and ${module}`);
      all.set(key, { ...c, module });
    }
  }
  return all;
}

/**
 * Where a call is made: in 西兴社区 with the demo owners, out of scope in 中城街道, or in 西兴社区
 * with objects owned by another member of it (for roles allowed only on their own objects).
 */
export type Where = 'inScope' | 'outOfScope' | 'othersOwn';

/** Makes scenes in a demo database: the places' rows are looked up (or built) once, `n` counts calls. */
export function sceneMaker(db: Db): (where: Where) => Promise<Scene> {
  const bases = new Map<Where, Promise<Omit<Scene, 'n'>>>();
  let n = 0;
  const base = async (where: Where): Promise<Omit<Scene, 'n'>> => {
    const place: Place = where === 'outOfScope' ? 'zhongcheng' : 'xixing';
    const p = await demoPlace(db, place);
    const owner = { unitId: p.community, applicantId: p.applicantId, leaderId: p.leaderId };
    if (where === 'othersOwn') {
      const neighbour = await buildAccount(db, { role: 'member', unitId: p.community, displayName: '钟国华' });
      owner.applicantId = neighbour.id;
      owner.leaderId = (await buildVolunteer(db, { unitId: p.community, name: '钟国华', accountId: neighbour.id })).id;
    }
    return {
      db,
      place,
      inScope: place === 'xixing',
      community: p.community,
      street: p.street,
      under: place === 'xixing' ? p.community : p.street,
      owner,
      adminId: p.adminId,
      othersOwn: where === 'othersOwn',
    };
  };
  return async (where) => {
    if (!bases.has(where)) bases.set(where, base(where));
    return { ...(await (bases.get(where) as Promise<Omit<Scene, 'n'>>)), n: ++n };
  };
}
