import type { Role } from '../../src/domain/access/roles.ts';
import type { Db } from '../factories/common.ts';
import { demoPlace, type Place } from '../factories/demo.ts';
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

/** Makes scenes in a demo database: the place's rows are looked up once, `n` counts calls. */
export function sceneMaker(db: Db): (inScope: boolean) => Promise<Scene> {
  const places = new Map<Place, Promise<Omit<Scene, 'n'>>>();
  let n = 0;
  const base = async (place: Place): Promise<Omit<Scene, 'n'>> => {
    const p = await demoPlace(db, place);
    return {
      db,
      place,
      inScope: place === 'xixing',
      community: p.community,
      street: p.street,
      under: place === 'xixing' ? p.community : p.street,
      owner: { unitId: p.community, applicantId: p.applicantId, leaderId: p.leaderId },
      adminId: p.adminId,
    };
  };
  return async (inScope) => {
    const place: Place = inScope ? 'xixing' : 'zhongcheng';
    if (!places.has(place)) places.set(place, base(place));
    return { ...(await (places.get(place) as Promise<Omit<Scene, 'n'>>)), n: ++n };
  };
}
