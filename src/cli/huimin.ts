#!/usr/bin/env node
// `huimin` commands for operators. They call the database and services directly, never HTTP.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.ts';
import { createDatabase } from '../db/database.ts';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import { isEmpty, xinluoUnits } from '../db/seed/demo.ts';
import { insertUnitTree } from '../db/seed/units.ts';
import { bumpOrgVersion } from '../server/features/org-units/org-tree.repository.ts';
import { createAdmin } from './create-admin.ts';
import { seedDemo } from './seed-demo.ts';
import { rebuildRollups } from '../server/features/statistics/rollups.commands.ts';

const usage = `huimin <command>
  migrate [--down]                 apply pending migrations (or roll back the newest)
  seed-demo                        load the demo data (org tree, accounts, studios) into an empty database
  load-divisions                   load the Xinluo org tree (real codes, no accounts) into an empty database
  create-admin --username U --display-name N [--unit CODE]
                                   create a district admin; the password is read from HUIMIN_ADMIN_PASSWORD
  rebuild-rollups                  recount the statistics rollups from the service record book
  new-migration <name>             create src/db/migrations/<date>-<name>.ts`;

async function withDatabase<T>(fn: (h: Awaited<ReturnType<typeof createDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await createDatabase({
    databaseUrl: config.DATABASE_URL,
    sqliteFile: join(config.HUIMIN_DATA_DIR, 'huimin.db'),
  });
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      down: { type: 'boolean' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      unit: { type: 'string' },
    },
  });
  switch (command) {
    case 'migrate':
      return withDatabase(async (h) => {
        const names = values.down ? await migrateDown(h) : await migrateToLatest(h);
        console.log(names.length ? `${values.down ? 'Rolled back' : 'Applied'}: ${names.join(', ')}` : 'Nothing to do');
        return 0;
      });
    case 'load-divisions':
      return withDatabase(async (h) => {
        await migrateToLatest(h);
        if (!(await isEmpty(h.db))) {
          console.error('The database already holds org units; nothing loaded.');
          return 1;
        }
        const at = new Date().toISOString();
        const ids = await h.db.transaction().execute(async (trx) => {
          const placed = await insertUnitTree(trx, xinluoUnits(), at);
          await bumpOrgVersion(trx, at);
          return placed;
        });
        console.log(`Loaded ${ids.size} units.`);
        return 0;
      });
    case 'seed-demo':
      return withDatabase(async (h) => {
        await migrateToLatest(h);
        const { ok, message } = await seedDemo(h.db, new Date());
        if (ok) console.log(message);
        else console.error(message);
        return ok ? 0 : 1;
      });
    case 'rebuild-rollups':
      return withDatabase(async (h) => {
        await migrateToLatest(h);
        const n = await rebuildRollups(h.db, h.engine, new Date().toISOString());
        console.log(`Rollups rebuilt from ${n} service records.`);
        return 0;
      });
    case 'create-admin':
      return withDatabase(async (h) => {
        await migrateToLatest(h);
        const password = process.env.HUIMIN_ADMIN_PASSWORD ?? '';
        const result = await createAdmin(h.db, loadConfig(), {
          username: values.username ?? '',
          displayName: values['display-name'] ?? values.username ?? '',
          unitCode: values.unit ?? '350802000000',
          password,
        });
        console.log(result);
        return result.startsWith('Created') ? 0 : 1;
      });
    case 'new-migration': {
      const name = positionals[0];
      if (!name || !/^[a-z0-9-]+$/.test(name)) {
        console.error('Give a name in kebab-case, e.g. huimin new-migration add-studios');
        return 1;
      }
      const stamp = new Date().toISOString().slice(0, 10);
      const file = join(import.meta.dirname, '..', 'db', 'migrations', `${stamp}-${name}.ts`);
      writeFileSync(
        file,
        `import type { Kysely, Migration } from 'kysely';\nimport type { Engine } from './helpers.ts';\n\n/** TODO: say what this migration adds. */\nexport function migration(_engine: Engine): Migration {\n  return {\n    async up(_db: Kysely<unknown>) {},\n    async down(_db: Kysely<unknown>) {},\n  };\n}\n`,
      );
      console.log(`Created ${file}; add it to src/db/migrations/index.ts.`);
      return 0;
    }
    default:
      console.log(usage);
      return command ? 1 : 0;
  }
}

process.exitCode = await run(process.argv.slice(2));
