import { maskPhone } from './id-number.ts';
import { isMasked, type CellError, type CleanRow, type ColumnKey, type RawRow } from './import-rows.ts';

/** A stored record as an uploaded row is compared with it. */
export interface ExistingRecord {
  id: number;
  kind: string;
  name: string;
  gender: string | null;
  birth_year: number | null;
  phone: string | null;
  unit_id: number;
  party_branch: string | null;
  probationary: number;
  profession: string | null;
  qualifications: string | null;
  availability: string | null;
  contact_name: string | null;
  notes: string | null;
  id_number_masked: string | null;
  id_number_hash: string | null;
  categoryIds: number[];
}

/**
 * Puts back the stored value where an exported file holds a masked one, so a masked export
 * edited and uploaded again never writes stars over a real phone or ID number: a masked phone
 * that is the record's own is kept (and the row says so); a masked ID number that is the
 * record's own is left as it is (only its masked form was ever stored); any other masked cell,
 * or one on a new row, is refused.
 */
export function unmaskRow(
  row: number,
  raw: RawRow,
  existing: ExistingRecord | undefined,
): { raw: RawRow; keepIdNumber: boolean; errors: CellError[]; notices: CellError[] } {
  const out: RawRow = { ...raw };
  const errors: CellError[] = [];
  const notices: CellError[] = [];
  let keepIdNumber = false;
  const phone = (raw.phone ?? '').trim();
  if (phone && isMasked(phone)) {
    if (existing?.phone && maskPhone(existing.phone) === phone) {
      out.phone = existing.phone;
      notices.push({ row, column: 'phone', problem: 'maskedKept', value: phone });
    } else errors.push({ row, column: 'phone', problem: 'maskedValue', value: phone });
  }
  const idNumber = (raw.idNumber ?? '').trim();
  if (idNumber && isMasked(idNumber)) {
    out.idNumber = '';
    if (existing?.id_number_masked === idNumber.toUpperCase()) keepIdNumber = true;
    else errors.push({ row, column: 'idNumber', problem: 'maskedValue', value: idNumber });
  }
  return { raw: out, keepIdNumber, errors, notices };
}

const sameText = (a: string | null, b: string | null) => (a ?? '') === (b ?? '');

/**
 * The columns in which a checked row differs from the record it updates; an ID number counts
 * as changed when a new one is given whose hash differs from the stored one.
 */
export function changedColumns(
  clean: CleanRow,
  existing: ExistingRecord,
  idNumberHash: string | null,
  keepIdNumber: boolean,
): ColumnKey[] {
  const changed: ColumnKey[] = [];
  if (clean.kind !== existing.kind) changed.push('kind');
  if (clean.name !== existing.name) changed.push('name');
  if (!sameText(clean.gender, existing.gender)) changed.push('gender');
  if ((clean.birthYear ?? null) !== (existing.birth_year ?? null) && !(keepIdNumber && clean.birthYear === null))
    changed.push('birthYear');
  if (clean.phone !== existing.phone) changed.push('phone');
  if (!keepIdNumber && (idNumberHash ?? null) !== (existing.id_number_hash ?? null)) changed.push('idNumber');
  if (clean.unitId !== existing.unit_id) changed.push('unit');
  if (!sameText(clean.partyBranch, existing.party_branch)) changed.push('partyBranch');
  if (!sameText(clean.profession, existing.profession)) changed.push('profession');
  if (!sameText(clean.qualifications, existing.qualifications)) changed.push('qualifications');
  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b).join(',');
  if (sorted(clean.categoryIds) !== sorted(existing.categoryIds)) changed.push('categories');
  if (!sameText(clean.availability, existing.availability)) changed.push('availability');
  if (!sameText(clean.contactName, existing.contact_name)) changed.push('contactName');
  if (!sameText(clean.notes, existing.notes)) changed.push('notes');
  if (clean.probationary !== (existing.probationary === 1)) changed.push('probationary');
  return changed;
}
