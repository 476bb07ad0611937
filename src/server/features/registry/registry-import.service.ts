import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { importStatus as importStatusSchema } from '../../../contract/registry.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { maskIdNumber, maskPhone } from '../../../domain/registry/id-number.ts';
import {
  duplicatesInFile,
  validateRow,
  type CellError,
  type CleanRow,
  type RowContext,
} from '../../../domain/registry/import-rows.ts';
import { searchKeysOf } from '../../../domain/text/search-keys.ts';
import type { Database } from '../../../db/schema.ts';
import { authorize } from '../../scope.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { idNumberHash, installSecret } from '../../secrets.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { templateWorkbook } from './registry-excel.presenter.ts';
import { readRegistryRows } from './registry-excel.service.ts';
import { presentImportStatus } from './registry.presenter.ts';
import * as runner from '../../import-runner.ts';
import { PROGRESS_EVERY, unitResolver, type Importer } from '../../import-runner.ts';
import { existingMatches, insertCategoryLinks, insertVolunteers, lockRegistryWrites } from './registry.repository.ts';
import { insertSearchTerms } from './volunteer-terms.repository.ts';

/** Everything needed to check rows of one importer: the units and categories it may name. */
async function rowContext(db: Kysely<Database>, actor: Actor, year: number): Promise<RowContext> {
  const unit = await unitResolver(db, (path) => can(actor, 'create', 'volunteer', { unitPath: path }));
  const categories = (await listCategories(db)).filter((c) => c.enabled).sort((a, b) => a.id - b.id);
  const byName = new Map<string, number>();
  for (const c of categories)
    for (const n of [c.name['zh-CN'], c.name['zh-TW'], c.name.en.toLowerCase(), c.code]) byName.set(n, c.id);
  return {
    unit,
    category: (name) => byName.get(name) ?? byName.get(name.toLowerCase()),
    currentYear: year,
  };
}

interface Checked {
  clean: CleanRow[];
  problems: CellError[];
  total: number;
}

/** Reads and checks every row: cell problems, duplicates within the file, and duplicates of existing records. */
async function checkFile(
  db: Kysely<Database>,
  actor: Actor,
  file: Buffer,
  year: number,
  onProgress: (n: number) => Promise<void>,
): Promise<Checked> {
  const ctx = await rowContext(db, actor, year);
  await installSecret(db, 'id_number_pepper');
  const clean: CleanRow[] = [];
  const problems: CellError[] = [];
  let total = 0;
  try {
    for await (const { row, raw } of readRegistryRows(file)) {
      total += 1;
      const r = validateRow(row, raw, ctx);
      if ('clean' in r) clean.push(r.clean);
      else problems.push(...r.errors);
      if (total % PROGRESS_EVERY === 0) await onProgress(total);
    }
  } catch {
    throw new DomainError('INVALID_WORKBOOK');
  }
  const inFile = duplicatesInFile(clean);
  const hashes = new Map<number, string>();
  for (const c of clean) if (c.idNumber) hashes.set(c.row, await idNumberHash(db, c.idNumber));
  const existing = await existingMatches(
    db,
    [...hashes.values()],
    clean.map((c) => c.phone),
  );
  const inDb: CellError[] = [];
  for (const c of clean) {
    const byId = hashes.has(c.row) ? existing.byHash.get(hashes.get(c.row) ?? '') : undefined;
    const byPhone = existing.byPhone.get(c.phone);
    if (byId !== undefined) inDb.push({ row: c.row, column: 'idNumber', problem: 'duplicateExisting', other: byId });
    else if (byPhone !== undefined)
      inDb.push({ row: c.row, column: 'phone', problem: 'duplicateExisting', other: byPhone });
  }
  const duplicates = [...inFile, ...inDb];
  const duplicateRows = new Set(duplicates.map((d) => d.row));
  return {
    clean: clean.filter((c) => !duplicateRows.has(c.row)),
    problems: [...problems, ...duplicates].sort((a, b) => a.row - b.row),
    total,
  };
}

/** The Excel template staff download, fill in and upload, listing the enabled categories. */
export async function importTemplate(deps: Deps, actor: Actor): Promise<Buffer> {
  authorize(actor, 'create', 'volunteer', { unitPath: actor.unitPath });
  const names = (await listCategories(deps.db)).filter((c) => c.enabled).map((c) => c.name['zh-CN']);
  return templateWorkbook(names);
}

/** The registry's import: people and organisations, checked against the file and the registry. */
const registryImporter: Importer<CleanRow> = {
  kind: 'registry',
  authorize: (actor, unitPath) => authorize(actor, 'create', 'volunteer', { unitPath }),
  check: (db, actor, file, at, onProgress) => checkFile(db, actor, file, Number(at.slice(0, 4)), onProgress),
  async write(trx, ctx, _actor, { clean, badRows, mode }) {
    const hashes = new Map<number, string>();
    for (const c of clean) if (c.idNumber) hashes.set(c.row, await idNumberHash(trx, c.idNumber));
    // Under the registry's lock, look once more: a record added, or another upload of the
    // same people committed, since the check is a duplicate now.
    await lockRegistryWrites(trx);
    const taken = await existingMatches(
      trx,
      [...hashes.values()],
      clean.map((c) => c.phone),
    );
    const fresh = clean.filter(
      (c) => !taken.byPhone.has(c.phone) && !(hashes.has(c.row) && taken.byHash.has(hashes.get(c.row) ?? '')),
    );
    const skipped = badRows + clean.length - fresh.length;
    if (mode === 'all' && skipped > 0) throw new DomainError('IMPORT_HAS_ERRORS', { count: skipped });
    for (let i = 0; i < fresh.length; i += 200) {
      const batch = fresh.slice(i, i + 200);
      const values = batch.map((c) => recordOf(c, hashes.get(c.row) ?? null, ctx.at));
      const ids = await insertVolunteers(trx, values);
      const idOf = (n: number) => ids[n] ?? 0;
      await insertCategoryLinks(
        trx,
        batch.flatMap((c, n) => c.categoryIds.map((category_id) => ({ volunteer_id: idOf(n), category_id }))),
      );
      await insertSearchTerms(
        trx,
        values.map((v, n) => ({ ...v, id: idOf(n) })),
      );
    }
    return {
      committed: fresh.length,
      skipped,
      sample: fresh.slice(0, 3).map((c) => ({ name: c.name, phone: maskPhone(c.phone) })),
    };
  },
};

/** Stores the upload and starts the dry run in the background; the caller polls the import's status. */
export async function startImport(deps: Deps, ctx: AuditContext, actor: Actor, filename: string, file: Buffer) {
  return runner.startImport(deps, ctx, actor, registryImporter, { filename, file });
}

/** An import's progress and, once validated, every problem with its row, column and reason in the reader's language. */
export async function importStatus(
  deps: Deps,
  actor: Actor,
  id: number,
  locale: Locale,
): Promise<z.infer<typeof importStatusSchema>> {
  return presentImportStatus(await runner.loadImport(deps, actor, registryImporter, id), locale);
}

/** The columns of a new record from a checked row. */
function recordOf(c: CleanRow, hash: string | null, at: string) {
  const keys = searchKeysOf(c.name);
  return {
    kind: c.kind,
    name: c.name,
    gender: c.gender,
    birth_year: c.birthYear,
    phone: c.phone,
    unit_id: c.unitId,
    account_id: null,
    party_branch: c.partyBranch,
    profession: c.profession,
    qualifications: c.qualifications,
    availability: c.availability,
    contact_name: c.contactName,
    notes: c.notes,
    id_number_hash: hash,
    id_number_masked: c.idNumber ? maskIdNumber(c.idNumber) : null,
    pinyin: keys.pinyin,
    initials: keys.initials,
    screening_status: 'candidate',
    created_at: at,
    updated_at: at,
  };
}

/** Writes the checked rows in one transaction (see `runner.commitImport`). */
export async function commitImport(deps: Deps, ctx: AuditContext, actor: Actor, id: number, mode: 'all' | 'valid') {
  return presentImportStatus(await runner.commitImport(deps, ctx, actor, registryImporter, id, mode), 'zh-CN');
}
