import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { importStatus as importStatusSchema } from '../../../contract/registry.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { maskIdNumber, maskPhone } from '../../../domain/registry/id-number.ts';
import type { CleanRow } from '../../../domain/registry/import-rows.ts';
import type { SearchKeys } from '../../../domain/text/search-keys.ts';
import { loadSearchKeys } from '../../heavy-modules.ts';
import { authorize } from '../../scope.ts';
import type { AuditContext, Deps } from '../../context.ts';
import * as runner from '../../import-runner.ts';
import type { Importer } from '../../import-runner.ts';
import { CATEGORIES_VERSION, listCategories } from '../categories/categories.repository.ts';
import { rollVolunteers, withVolunteerCounts } from '../statistics/count-rollups.commands.ts';
import { templateWorkbook } from './registry-excel.presenter.ts';
import { checkFile, type Checked } from './registry-import-check.service.ts';
import { presentImportStatus } from './registry.presenter.ts';
import {
  insertImportedCategoryLinks,
  insertImportedSearchTerms,
  insertImportedVolunteers,
} from './registry-import.repository.ts';
import { existingMatches, lockRegistryWrites, setCategories, updateVolunteer } from './registry.repository.ts';
import { setSearchTerms } from './volunteer-terms.repository.ts';
import { bumpRegistryVersion, REGISTRY_VERSION, registryChanged } from './registry-pages.repository.ts';
import { readSettings } from '../../settings.repository.ts';
import { ORG_VERSION } from '../org-units/org-tree.repository.ts';

/** How long an import may stay silent before it counts as abandoned (the runner's, for every kind). */
export { STALE_IMPORT_MS } from '../../import-runner.ts';

/** The Excel template staff download, fill in and upload, listing the enabled categories. */
export async function importTemplate(deps: Deps, actor: Actor): Promise<Buffer> {
  authorize(actor, 'create', 'volunteer', { unitPath: actor.unitPath });
  const names = (await listCategories(deps.db)).filter((c) => c.enabled).map((c) => c.name['zh-CN']);
  return templateWorkbook(names);
}

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

/** What the dry run keeps to show beside its problems: kept masked cells, and each update's changed columns. */
function reportOf(checked: Checked) {
  return {
    notices: checked.notices,
    updates: checked.updates.map((u) => ({
      row: u.clean.row,
      recordId: u.clean.recordId,
      name: u.clean.name,
      columns: u.columns,
    })),
    unchanged: checked.unchanged,
  };
}

/** The columns a row sets on the record it updates (its ID number left alone when the file held it masked). */
function changesOf(c: CleanRow, keys: SearchKeys, hash: string | null, keepIdNumber: boolean, at: string) {
  const { id_number_hash, id_number_masked, account_id, screening_status, created_at, ...cols } = recordOf(
    c,
    keys,
    hash,
    at,
  );
  void account_id;
  void screening_status;
  void created_at;
  return keepIdNumber ? cols : { ...cols, id_number_hash, id_number_masked };
}

/** The columns of a new record from a checked row. */
function recordOf(c: CleanRow, keys: SearchKeys, hash: string | null, at: string) {
  return {
    kind: c.kind,
    name: c.name,
    gender: c.gender,
    birth_year: c.birthYear,
    phone: c.phone,
    unit_id: c.unitId,
    account_id: null,
    party_branch: c.partyBranch,
    probationary: c.probationary ? 1 : 0,
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

/**
 * The registry's import: people and organisations, checked against the file and the
 * registry. A row with a 记录编号 updates that record; the others are new records.
 */
const registryImporter: Importer<CleanRow, Checked> = {
  kind: 'registry',
  authorize: (actor, unitPath) => authorize(actor, 'create', 'volunteer', { unitPath }),
  check: (db, actor, file, at, onProgress) => checkFile(db, actor, file, Number(at.slice(0, 4)), onProgress),
  // What checkFile reads besides the file: the units and categories rows may name, the stored
  // records (duplicates, updates), the importer's scope and the year ages are checked in. Every
  // writer of these bumps its version row in its transaction.
  async inputs(db, actor, at) {
    const versions = await readSettings(db, [ORG_VERSION, CATEGORIES_VERSION, REGISTRY_VERSION]);
    return JSON.stringify([actor.accountId, actor.role, actor.unitPath, at.slice(0, 4), versions]);
  },
  report: reportOf,
  committed: registryChanged,
  async write(trx, ctx, _actor, { clean, checked, badRows, mode, first }) {
    const hashes = checked.hashes;
    // Under the registry's lock, look once more: a record added, or another upload of the
    // same people committed, since the check is a duplicate now. In batches (mode valid) the
    // first batch also applies the updates of existing records.
    await lockRegistryWrites(trx);
    const ownUpdates = first ? checked.updates : [];
    const rows = [...clean, ...ownUpdates.map((u) => u.clean)];
    const taken = await existingMatches(
      trx,
      rows.flatMap((c) => hashes.get(c.row) ?? []),
      rows.map((c) => c.phone),
    );
    const isFree = (c: CleanRow) => {
      const byPhone = taken.byPhone.get(c.phone);
      const byHash = hashes.has(c.row) ? taken.byHash.get(hashes.get(c.row) ?? '') : undefined;
      return (!byPhone || byPhone.id === c.recordId) && (!byHash || byHash.id === c.recordId);
    };
    const fresh = clean.filter(isFree);
    const updates = ownUpdates.filter((u) => isFree(u.clean));
    const skipped = badRows + rows.length - fresh.length - updates.length;
    if (mode === 'all' && skipped > 0) throw new DomainError('IMPORT_HAS_ERRORS', { count: skipped });
    const keysOf = await loadSearchKeys();
    const values = fresh.map((c) => recordOf(c, keysOf(c.name), hashes.get(c.row) ?? null, ctx.at));
    const ids = await insertImportedVolunteers(trx, values);
    await rollVolunteers(
      trx,
      values.map((v) => ({ unitId: v.unit_id, createdAt: v.created_at, kind: v.kind, screening: v.screening_status })),
    );
    const idOf = (n: number) => ids[n] ?? 0;
    await insertImportedCategoryLinks(
      trx,
      fresh.flatMap((c, n) => c.categoryIds.map((category_id) => ({ volunteer_id: idOf(n), category_id }))),
    );
    await insertImportedSearchTerms(
      trx,
      values.map((v, n) => ({ ...v, id: idOf(n) })),
    );
    if (fresh.length + updates.length > 0) await bumpRegistryVersion(trx, ctx.at);
    for (const u of updates) {
      const recordId = u.clean.recordId ?? 0;
      const cols = changesOf(u.clean, keysOf(u.clean.name), hashes.get(u.clean.row) ?? null, u.keepIdNumber, ctx.at);
      await withVolunteerCounts(trx, [recordId], () => updateVolunteer(trx, recordId, cols));
      await setCategories(trx, recordId, u.clean.categoryIds);
      await setSearchTerms(trx, { id: recordId, ...cols });
    }
    return {
      committed: fresh.length + updates.length,
      skipped,
      sample: fresh.slice(0, 3).map((c) => ({ name: c.name, phone: maskPhone(c.phone) })),
      // The audit row counts new records apart from the records updated, with their columns.
      audit: { committed: fresh.length, updated: updates.map((u) => ({ id: u.clean.recordId, columns: u.columns })) },
    };
  },
};

/**
 * Writes the checked rows (see `runner.commitImport`: mode `all` in one transaction, mode
 * `valid` in batches): new records and the updates of the records rows name.
 */
export async function commitImport(deps: Deps, ctx: AuditContext, actor: Actor, id: number, mode: 'all' | 'valid') {
  return presentImportStatus(await runner.commitImport(deps, ctx, actor, registryImporter, id, mode), 'zh-CN');
}
