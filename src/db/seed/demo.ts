import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import { readXinluoDivisions } from './divisions.ts';
import { insertUnitTree, type UnitSpec } from './units.ts';
import { bumpOrgVersion } from '../../server/features/org-units/org-tree.repository.ts';
import { loadDemoStudios } from './demo-studios.ts';
import { newAccountRow } from '../../server/features/accounts/accounts.repository.ts';
import { loadDemoSiting } from './demo-siting.ts';
import { loadDemoNeeds } from './demo-needs.ts';
import { loadDemoLetters } from './demo-letters.ts';
import { loadComplainedStudio } from './demo-complained.ts';
import { loadDemoInspections } from './demo-inspections.ts';
import { loadDemoEvaluation } from './demo-evaluation.ts';
import { loadDemoNetwork } from './demo-network.ts';

export { DEMO_PASSWORD } from './demo-password.ts';

/** One demo account per role, placed in the real units the bulletin names. */
export const demoAccounts: Array<{ username: string; displayName: string; role: Role; unitCode: string }> = [
  { username: 'admin', displayName: '区委组织部管理员', role: 'district_admin', unitCode: '350802000000' },
  { username: 'xicheng', displayName: '西城街道党工委', role: 'street_admin', unitCode: '350802003000' },
  { username: 'zhongcheng', displayName: '中城街道党工委', role: 'street_admin', unitCode: '350802004000' },
  { username: 'xixing', displayName: '西兴社区党委', role: 'community_admin', unitCode: '350802003004' },
  { username: 'zhangwanzhen', displayName: '张婉珍', role: 'member', unitCode: '350802003004' },
  { username: 'jiandu', displayName: '西城街道群众监督员', role: 'supervisor', unitCode: '350802003000' },
];

/** A few enterprises (demo names, marked as such) beside the real divisions. */
const demoEnterprises: UnitSpec[] = [
  {
    code: '350802003E01',
    name: '龙腾物流有限公司（演示）',
    shortName: '龙腾物流',
    level: 'enterprise',
    parentCode: '350802003000',
  },
  {
    code: '350802001E01',
    name: '闽西建材厂（演示）',
    shortName: '闽西建材厂',
    level: 'enterprise',
    parentCode: '350802001000',
  },
  {
    code: '350802105E01',
    name: '雅金生猪养殖合作社（演示）',
    shortName: '雅金养殖合作社',
    level: 'enterprise',
    parentCode: '350802105000',
  },
];

/** The Xinluo org tree: real codes and names, with GCJ-02 points where the source has them. */
export function xinluoUnits(): UnitSpec[] {
  const divisions = readXinluoDivisions().map((d) => ({
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    level: d.level,
    parentCode: d.level === 'district' ? null : d.parentCode,
    lng: d.lng,
    lat: d.lat,
  }));
  return [...divisions, ...demoEnterprises];
}

/** Loads the demo data into an empty database: the Xinluo tree and the demo accounts. */
export async function loadDemoData(db: Kysely<Database>, at: string, passwordHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ids = await insertUnitTree(trx, xinluoUnits(), at);
    await bumpOrgVersion(trx, at);
    for (const a of demoAccounts) {
      const unitId = ids.get(a.unitCode);
      if (unitId === undefined) throw new Error(`demo unit ${a.unitCode} missing`);
      await trx
        .insertInto('accounts')
        .values(
          newAccountRow({ username: a.username, displayName: a.displayName, passwordHash, role: a.role, unitId, at }),
        )
        .execute();
    }
    await loadDemoStudios(trx, at);
    await loadDemoSiting(trx, at);
    await loadDemoNeeds(trx, at);
    await loadDemoLetters(trx, at);
    // Before the inspections: it serves, so this quarter's plan covers it too.
    await loadComplainedStudio(trx, at);
    await loadDemoInspections(trx, at);
    await loadDemoEvaluation(trx, at);
    // Last: it tops the network up to bulletin No. 313's figures, counting what the others loaded.
    await loadDemoNetwork(trx, at);
    await trx
      .insertInto('audit_log')
      .values({
        at,
        actor_id: null,
        actor_name: 'system',
        unit_id: null,
        entity: 'system',
        entity_id: null,
        action: 'demo.load',
        before_json: null,
        after_json: JSON.stringify({ units: ids.size, accounts: demoAccounts.length }),
        ip: null,
        request_id: null,
      })
      .execute();
  });
}

/** True when the database holds no org unit yet (a fresh install). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('org_units').select('id').limit(1).executeTakeFirst()) === undefined;
}
