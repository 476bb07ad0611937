import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config/config.ts';
import { insertUnitTree } from '../db/seed/units.ts';
import { xinluoUnits } from '../db/seed/demo.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { verifyPassword } from '../server/passwords.ts';
import { createAdmin } from './create-admin.ts';

let h: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.drop());

describe('huimin create-admin', () => {
  const input = { username: 'zuzhibu', displayName: '组织部', unitCode: '350802000000', password: 'Prod#Secret99' };

  it('needs the org tree first', async () => {
    expect(await createAdmin(h.db, testConfig(), input)).toMatch(/load-divisions/);
  });

  it('creates a district admin with the given password, audited, and no other account', async () => {
    await insertUnitTree(h.db, xinluoUnits(), new Date().toISOString());
    expect(await createAdmin(h.db, testConfig(), input)).toMatch(/^Created/);
    const accounts = await h.db.selectFrom('accounts').selectAll().execute();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.role).toBe('district_admin');
    expect(await verifyPassword('Prod#Secret99', accounts[0]?.password_hash ?? '')).toBe(true);
    expect(await h.db.selectFrom('audit_log').select('action').where('entity', '=', 'account').execute()).toEqual([
      { action: 'create' },
    ]);
  });

  it('refuses a weak password, a taken username and a unit that is not a district', async () => {
    expect(await createAdmin(h.db, testConfig(), { ...input, username: 'other', password: 'weak' })).toMatch(/policy/);
    expect(await createAdmin(h.db, testConfig(), input)).toMatch(/taken/);
    expect(await createAdmin(h.db, testConfig(), { ...input, username: 'other', unitCode: '350802003000' })).toMatch(
      /not a district/,
    );
  });
});
