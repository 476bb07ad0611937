import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { maskName } from '../../../domain/mailbox/letters.ts';
import {
  fileDuplicateFinder,
  validateRow,
  type CellError,
  type CleanRow,
  type ColumnKey,
  type RawRow,
  type RowContext,
} from '../../../domain/registry/import-rows.ts';
import { changedColumns, unmaskRow, type ExistingRecord } from '../../../domain/registry/import-updates.ts';
import type { Database } from '../../../db/schema.ts';
import { PROGRESS_EVERY, unitResolver } from '../../import-runner.ts';
import { pacer } from '../../pacer.ts';
import { idNumberHash, installSecret } from '../../secrets.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { readRegistryRows } from './registry-excel.service.ts';
import { existingMatches, listRecordsByIds, type MatchedRecord } from './registry.repository.ts';

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

/** A row that changes a record: the checked row, the columns that differ, and whether the stored ID number stays. */
export interface RecordUpdate {
  clean: CleanRow;
  columns: ColumnKey[];
  keepIdNumber: boolean;
}

/** What a check of a file found: new rows, updates, problems, notes on kept masked cells, unchanged rows. */
export interface Checked {
  clean: CleanRow[];
  updates: RecordUpdate[];
  problems: CellError[];
  notices: CellError[];
  unchanged: number;
  total: number;
  /** Each good row's ID number hash, by sheet row. */
  hashes: Map<number, string>;
}

/**
 * The rows (in sheet order) ordered by the first two characters of their names, then as they
 * were: one sort of numbers (key × 2^20 + position), some 20 ms for 100,000 rows where comparing
 * the names as strings took 400 ms in one stretch of the event loop.
 */
function byName(rows: CleanRow[]): CleanRow[] {
  const keys = new Float64Array(rows.length);
  rows.forEach((c, i) => {
    keys[i] = ((c.name.charCodeAt(0) || 0) * 65_536 + (c.name.charCodeAt(1) || 0)) * 1_048_576 + i;
  });
  keys.sort();
  return Array.from(keys, (k) => rows[k % 1_048_576] as CleanRow);
}

/** A duplicate of a stored record, naming the person as the importer may see them. */
function duplicateOf(row: number, column: ColumnKey, other: MatchedRecord): CellError {
  return {
    row,
    column,
    problem: 'duplicateExisting',
    existing: { name: maskName(other.name) ?? '', unit: other.unit_name },
  };
}

/** The stored records sharing an ID number or a phone with the rows, looked up a slice at a time. */
async function storedMatches(
  db: Kysely<Database>,
  rows: CleanRow[],
  hashes: Map<number, string>,
  pause: () => Promise<void>,
) {
  const byHash = new Map<string, MatchedRecord>();
  const byPhone = new Map<string, MatchedRecord>();
  for (let i = 0; i < rows.length; i += 1_000) {
    const slice = rows.slice(i, i + 1_000);
    const found = await existingMatches(
      db,
      slice.flatMap((c) => hashes.get(c.row) ?? []),
      slice.map((c) => c.phone),
    );
    for (const [k, v] of found.byHash) byHash.set(k, v);
    for (const [k, v] of found.byPhone) byPhone.set(k, v);
    await pause();
  }
  return { byHash, byPhone };
}

/**
 * Reads and checks every row: cell problems, masked cells, the records a row updates (by its
 * 记录编号, inside the importer's scope), duplicates within the file and of stored records
 * (a row's own record is not a duplicate of it).
 */
export async function checkFile(
  db: Kysely<Database>,
  actor: Actor,
  file: Buffer,
  year: number,
  onProgress: (n: number) => Promise<void>,
): Promise<Checked> {
  const ctx = await rowContext(db, actor, year);
  await installSecret(db, 'id_number_pepper');
  const pause = pacer();
  const clean: CleanRow[] = [];
  const problems: CellError[] = [];
  const notices: CellError[] = [];
  const keepIds = new Set<number>();
  const records = new Map<number, ExistingRecord>();
  let total = 0;
  /** Checks one row against the records it may name (looked up before). */
  const checkRow = (row: number, raw: RawRow) => {
    const recordText = (raw.recordId ?? '').trim();
    const record = recordText ? records.get(Number(recordText)) : undefined;
    const errors: CellError[] = [];
    if (recordText && !record) errors.push({ row, column: 'recordId', problem: 'unknownRecord', value: recordText });
    const unmasked = unmaskRow(row, raw, record);
    errors.push(...unmasked.errors);
    const r = validateRow(row, unmasked.raw, ctx);
    // The record number was checked above, against the records the importer may update.
    // A masked cell is reported as masked, not again as malformed.
    const masked = new Set(unmasked.errors.map((e) => e.column));
    if ('errors' in r) errors.push(...r.errors.filter((e) => e.column !== 'recordId' && !masked.has(e.column)));
    if (errors.length > 0 || !('clean' in r)) problems.push(...errors);
    else {
      clean.push(r.clean);
      notices.push(...unmasked.notices);
      if (unmasked.keepIdNumber) keepIds.add(row);
    }
  };
  // Rows are checked as they are read, so a large file's cells never all exist at once; only
  // the rows naming a record (an exported file's) wait, until their records are looked up.
  const naming: Array<{ row: number; raw: RawRow }> = [];
  const rows = readRegistryRows(file);
  for (;;) {
    let next: IteratorResult<{ row: number; raw: RawRow }>;
    try {
      next = await rows.next();
    } catch {
      throw new DomainError('INVALID_WORKBOOK');
    }
    if (next.done) break;
    const { row, raw } = next.value;
    total += 1;
    if ((raw.recordId ?? '').trim()) naming.push({ row, raw });
    else checkRow(row, raw);
    if (total % PROGRESS_EVERY === 0) await onProgress(total);
    await pause();
  }
  const ids = [...new Set(naming.map((r) => Number(r.raw.recordId)).filter((n) => Number.isSafeInteger(n) && n > 0))];
  for (const [id, r] of await listRecordsByIds(db, ids))
    if (can(actor, 'update', 'volunteer', { unitPath: r.unit_path })) records.set(id, r);
  for (const { row, raw } of naming) {
    checkRow(row, raw);
    await pause();
  }
  naming.length = 0;
  // In the sheet's order again: a duplicate in the file is reported against its first row.
  // (Each step over the 100,000 rows below takes 10–30 ms: the pauses between them keep the
  // event loop's stretches short.)
  clean.sort((a, b) => a.row - b.row);
  await pause();
  const inFile: CellError[] = [];
  const repeats = fileDuplicateFinder();
  const hashes = new Map<number, string>();
  for (const c of clean) {
    const d = repeats(c);
    if (d) inFile.push(d);
    if (c.idNumber) hashes.set(c.row, await idNumberHash(db, c.idNumber));
    await pause();
  }
  const existing = await storedMatches(db, clean, hashes, pause);
  const inDb: CellError[] = [];
  for (const c of clean) {
    const other = (m: MatchedRecord | undefined) => (m && m.id !== c.recordId ? m : undefined);
    const byId = other(hashes.has(c.row) ? existing.byHash.get(hashes.get(c.row) ?? '') : undefined);
    const byPhone = other(existing.byPhone.get(c.phone));
    if (byId) inDb.push(duplicateOf(c.row, 'idNumber', byId));
    else if (byPhone) inDb.push(duplicateOf(c.row, 'phone', byPhone));
    await pause();
  }
  const duplicates = [...inFile, ...inDb];
  const duplicateRows = new Set(duplicates.map((d) => d.row));
  const good = clean.filter((c) => !duplicateRows.has(c.row));
  await pause();
  const updates: RecordUpdate[] = [];
  let unchanged = 0;
  for (const c of good) {
    const record = c.recordId ? records.get(c.recordId) : undefined;
    if (!record) continue;
    const keepIdNumber = keepIds.has(c.row);
    const columns = changedColumns(c, record, hashes.get(c.row) ?? null, keepIdNumber);
    if (columns.length === 0) unchanged += 1;
    else updates.push({ clean: c, columns, keepIdNumber });
  }
  await pause();
  const fresh = byName(good.filter((c) => c.recordId === null));
  await pause();
  return {
    // New records in the order of their names, not the sheet's: the commit writes them in
    // batches, and people of one surname have neighbouring search terms (name grams, pinyin,
    // initials) and index entries, so a batch touches far fewer pages of the registry's
    // b-trees (on a province's registry, half the pages written per batch). Rows of one name
    // keep the sheet's order.
    clean: fresh,
    updates,
    problems: [...problems, ...duplicates].sort((a, b) => a.row - b.row),
    notices: notices.filter((n) => !duplicateRows.has(n.row)).sort((a, b) => a.row - b.row),
    unchanged,
    total,
    hashes,
  };
}
