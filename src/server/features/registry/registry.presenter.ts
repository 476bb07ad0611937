import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import {
  volunteerAbility,
  type importStatus,
  type Volunteer,
  type VolunteerAbility,
} from '../../../contract/registry.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import { templateColumns, type VolunteerKind } from '../../../domain/registry/import-rows.ts';
import { presentImportStatus as presentImport } from '../../imports.presenter.ts';
import type { ImportRow } from '../../imports.repository.ts';
import type { VolunteerRow } from './registry.repository.ts';

/** What this actor may do with a record in this unit. */
export function volunteerActions(actor: Actor, unitPath: string): VolunteerAbility[] {
  return volunteerAbility.options.filter((a) => can(actor, a, 'volunteer', { unitPath }));
}

/** A registry record as lists show it: phone and ID number masked for everyone. */
export function presentVolunteer(r: VolunteerRow, categoryIds: number[], actor: Actor): Volunteer {
  return {
    id: r.id,
    kind: r.kind as VolunteerKind,
    name: r.name,
    gender: r.gender,
    birthYear: r.birth_year,
    unitId: r.unit_id,
    unitName: r.unit_name,
    phone: maskPhone(r.phone),
    idNumber: r.id_number_masked,
    profession: r.profession,
    partyBranch: r.party_branch,
    probationary: r.probationary === 1,
    qualifications: r.qualifications,
    availability: r.availability,
    contactName: r.contact_name,
    notes: r.notes,
    categoryIds,
    accountId: r.account_id,
    screeningStatus: r.screening_status as Volunteer['screeningStatus'],
    screeningReason: r.screening_reason,
    screenedAt: r.screened_at,
    allowedActions: volunteerActions(actor, r.unit_path),
  };
}

/** What the audit log keeps of a record: no phone or ID number in clear. */
export function auditedVolunteer(c: {
  name: string;
  kind: string;
  unit_id: number;
  phone: string | null;
  id_number_masked: string | null;
}) {
  return { name: c.name, kind: c.kind, unitId: c.unit_id, phone: maskPhone(c.phone), idNumber: c.id_number_masked };
}

/** An import's progress and, once validated, every problem with its row, column and reason in the reader's language. */
export function presentImportStatus(row: ImportRow, locale: Locale): z.infer<typeof importStatus> {
  return presentImport(row, locale, templateColumns);
}
