import { createHash } from 'node:crypto';
import { insertSearchTerms } from '../../src/server/features/registry/volunteer-terms.repository.ts';
import type { RawRow } from '../../src/domain/registry/import-rows.ts';
import type { VolunteerKind } from '../../src/domain/registry/import-rows.ts';
import { searchKeysOf } from '../../src/domain/text/search-keys.ts';
import { goodRow, workbookOf } from '../registry-workbook.ts';
import { buildAccount } from './accounts.ts';
import { BUILT_AT, nextSeq, personNames, phoneFor, pick, type Db } from './common.ts';
import { buildUnit } from './org-units.ts';

/** What a test may fix of a built registry record; everything else gets a valid default. */
export interface VolunteerOptions {
  /** Its unit; a fresh community when absent. */
  unitId?: number;
  /** A party member by default. */
  kind?: VolunteerKind;
  name?: string;
  /** A unique 166… number by default. */
  phone?: string;
  /** The account of a member who signs in; none by default. */
  accountId?: number | null;
  /** Selected by default, so the person may lead or join a studio. */
  screening?: 'candidate' | 'selected' | 'declined';
  gender?: '男' | '女';
  birthYear?: number;
  profession?: string;
}

/** A built registry record. */
export interface BuiltVolunteer {
  id: number;
  name: string;
  phone: string;
  unitId: number;
}

const professions = ['退休教师', '社区医生', '律师', '电工', '中医推拿师', '心理咨询师'] as const;

/** Writes a registry record (选好人) with its search terms, as every writer of the registry does. */
export async function buildVolunteer(db: Db, o: VolunteerOptions = {}): Promise<BuiltVolunteer> {
  const n = nextSeq();
  const unitId = o.unitId ?? (await buildUnit(db)).id;
  const name = o.name ?? pick(personNames, n);
  const phone = o.phone ?? phoneFor(n);
  const profession = o.profession ?? pick(professions, n);
  const keys = searchKeysOf(name);
  const screening = o.screening ?? 'selected';
  const { id } = await db
    .insertInto('volunteers')
    .values({
      kind: o.kind ?? 'party_member',
      name,
      gender: o.gender ?? (n % 2 ? '男' : '女'),
      birth_year: o.birthYear ?? 1960 + (n % 30),
      phone,
      unit_id: unitId,
      account_id: o.accountId ?? null,
      party_branch: null,
      profession,
      pinyin: keys.pinyin,
      initials: keys.initials,
      screening_status: screening,
      id_number_hash: null,
      id_number_masked: null,
      contact_name: null,
      qualifications: null,
      availability: '周末',
      notes: null,
      screened_by: null,
      screened_at: screening === 'candidate' ? null : BUILT_AT,
      screening_reason: screening === 'candidate' ? null : '符合条件',
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertSearchTerms(db, [{ id, unit_id: unitId, name, profession, ...keys }]);
  return { id, name, phone, unitId };
}

/** What a test may fix of a built registry import. */
export interface ImportOptions {
  /** Who uploaded it; a fresh community admin (in `unitId` when given) when absent. */
  uploaderId?: number;
  /** The unit it was uploaded for; the uploader's by default. */
  unitId?: number;
  /** The workbook's rows; one valid person in the import's unit by default. */
  rows?: RawRow[];
  /** The import's kind (`registry`, `studios`, `service-records`); the registry's by default. */
  kind?: string;
}

/** Writes an uploaded workbook and its import, validated and ready to commit. */
export async function buildImport(db: Db, o: ImportOptions = {}): Promise<{ id: number; unitId: number }> {
  const n = nextSeq();
  const uploader =
    o.uploaderId ?? (await buildAccount(db, { role: 'community_admin', ...(o.unitId ? { unitId: o.unitId } : {}) })).id;
  const unitId =
    o.unitId ??
    (await db.selectFrom('accounts').select('unit_id').where('id', '=', uploader).executeTakeFirstOrThrow()).unit_id;
  const unit = await db.selectFrom('org_units').select('code').where('id', '=', unitId).executeTakeFirstOrThrow();
  const rows = o.rows ?? [{ ...goodRow(700_000 + n), unit: unit.code }];
  const file = await workbookOf(rows);
  const attachment = await db
    .insertInto('attachments')
    .values({
      filename: '志愿者名册.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      content: file,
      unit_id: unitId,
      created_by: uploader,
      created_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('imports')
    .values({
      kind: o.kind ?? 'registry',
      unit_id: unitId,
      created_by: uploader,
      filename: '志愿者名册.xlsx',
      attachment_id: attachment.id,
      status: 'validated',
      total_rows: rows.length,
      processed_rows: rows.length,
      error_rows: 0,
      duplicate_rows: 0,
      committed_rows: 0,
      report_json: '[]',
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, unitId };
}
