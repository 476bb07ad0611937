import type { Db } from './common.ts';

/**
 * The two demo places tests act in: 西兴社区 of 西城街道 (inside every demo actor's scope) and
 * 青草盂社区 of 中城街道 (outside all but the district admin's).
 */
export type Place = 'xixing' | 'zhongcheng';

const places: Record<Place, { community: string; street: string; member: string; admin: string; leader: string }> = {
  xixing: {
    community: '350802003004',
    street: '350802003000',
    member: 'zhangwanzhen',
    admin: 'xixing',
    leader: '张婉珍',
  },
  zhongcheng: {
    community: '350802004001',
    street: '350802004000',
    member: 'zhongcheng',
    admin: 'zhongcheng',
    leader: '蒋来发',
  },
};

/** The demo rows of a place: its units, who applies for its studios and leads them, and its admin. */
export interface DemoPlace {
  /** 西兴社区, or 青草盂社区. */
  community: number;
  /** 西城街道, or 中城街道. */
  street: number;
  /** The account that applies for the place's studios: 张婉珍 (a member), or the 中城 street admin. */
  applicantId: number;
  /** The registry person who leads them: 张婉珍 (signs in as zhangwanzhen), or 蒋来发 (no account). */
  leaderId: number;
  leaderName: string;
  /** The party organisation's account: 西兴社区党委, or 中城街道党工委. */
  adminId: number;
}

/** The id of a demo org unit by its code. */
export async function demoUnitId(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** The id of a demo account by its username. */
export async function demoAccountId(db: Db, username: string): Promise<number> {
  return (await db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** Looks up a demo place's rows (the database must hold the demo data). */
export async function demoPlace(db: Db, place: Place): Promise<DemoPlace> {
  const p = places[place];
  const leader = await db.selectFrom('volunteers').select('id').where('name', '=', p.leader).executeTakeFirstOrThrow();
  return {
    community: await demoUnitId(db, p.community),
    street: await demoUnitId(db, p.street),
    applicantId: await demoAccountId(db, p.member),
    leaderId: leader.id,
    leaderName: p.leader,
    adminId: await demoAccountId(db, p.admin),
  };
}
