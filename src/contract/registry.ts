import { z } from 'zod';
import { volunteerKinds } from '../domain/registry/import-rows.ts';
import { entityId, idText, pageOf, paging } from './common.ts';

/** Person (talent, party member, volunteer) or organisation. */
export const volunteerKind = z.enum(volunteerKinds);
/** Where a record stands in screening (挑选). */
export const screeningStatus = z.enum(['candidate', 'selected', 'declined']);

/** What a viewer may do with a registry record: edit it, screen it, or read its unmasked contact data. */
export const volunteerAbility = z.enum(['update', 'screen', 'readPersonal']);
export type VolunteerAbility = z.infer<typeof volunteerAbility>;

/** A person or organisation in the registry. Phone and ID number are always masked here; see the contact route. */
export const volunteer = z.object({
  id: z.number().int(),
  kind: volunteerKind,
  name: z.string(),
  gender: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  profession: z.string().nullable(),
  partyBranch: z.string().nullable(),
  /** A probationary party member (预备党员): on the year-end sheet, not graded. */
  probationary: z.boolean(),
  qualifications: z.string().nullable(),
  availability: z.string().nullable(),
  contactName: z.string().nullable(),
  notes: z.string().nullable(),
  categoryIds: z.array(z.number().int()),
  accountId: z.number().int().nullable(),
  screeningStatus,
  screeningReason: z.string().nullable(),
  screenedAt: z.string().nullable(),
  allowedActions: z.array(volunteerAbility),
});
export type Volunteer = z.infer<typeof volunteer>;

/**
 * A page of the registry list. Above a thousand matches (a common surname across a province) the
 * total is estimated from the first thousand rather than counted, and `totalIsEstimate` says so:
 * the list shows it as "about N".
 */
export const volunteerPage = pageOf(volunteer).extend({ totalIsEstimate: z.boolean() });

/** Search and filters of the registry list. */
export const listVolunteersQuery = z.strictObject({
  under: idText.optional(),
  kind: volunteerKind.optional(),
  categoryId: idText.optional(),
  screeningStatus: screeningStatus.optional(),
  /** Chinese name, full pinyin or initials (`zwz` finds 张婉珍), or a skill/profession word. */
  q: z.string().trim().max(50).optional(),
  ...paging,
});

const text = (max: number) => z.string().trim().max(max);
/** A record as staff add or edit it. */
export const volunteerInput = z.strictObject({
  kind: volunteerKind,
  name: text(100).min(1),
  gender: z.enum(['男', '女']).nullable().optional(),
  birthYear: z.number().int().min(1900).max(2020).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/)
    .nullable()
    .optional(),
  unitId: entityId,
  partyBranch: text(100).nullable().optional(),
  /** 预备党员; only a party member can be one. */
  probationary: z.boolean().optional(),
  profession: text(100).nullable().optional(),
  qualifications: text(500).nullable().optional(),
  availability: text(200).nullable().optional(),
  contactName: text(100).nullable().optional(),
  notes: text(500).nullable().optional(),
  categoryIds: z.array(entityId).max(11).default([]),
});
export type VolunteerInput = z.infer<typeof volunteerInput>;

/** A screening decision and its reason. */
export const screeningRequest = z.strictObject({ status: z.enum(['selected', 'declined']), reason: text(500).min(1) });

/** Unmasked contact data, for roles that need it; every read is written to the audit log. */
export const volunteerContact = z.object({ phone: z.string().nullable(), idNumber: z.string().nullable() });

/** An import's progress and its report. */
export const importStatus = z.object({
  id: z.number().int(),
  filename: z.string(),
  status: z.enum(['validating', 'validated', 'committing', 'committed', 'failed']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  errorRows: z.number().int(),
  duplicateRows: z.number().int(),
  committedRows: z.number().int(),
  problems: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      columnHeader: z.string(),
      problem: z.string(),
      message: z.string(),
      other: z.number().int().nullable(),
      /** The cell as written, masked when it is a phone or an ID number. */
      value: z.string().nullable(),
    }),
  ),
  /** Rows taken with a remark: a masked cell of an exported file left as it is on record. */
  notices: z.array(z.object({ row: z.number().int(), columnHeader: z.string(), message: z.string() })),
  /** Rows of an exported file that change the record they name: which columns. */
  updates: z.array(
    z.object({
      row: z.number().int(),
      recordId: z.number().int(),
      name: z.string(),
      columns: z.array(z.string()),
    }),
  ),
  /** Rows of an exported file identical to their record. */
  unchangedRows: z.number().int(),
  createdAt: z.string(),
});
/** Import every row (only when all are good) or only the good ones. */
export const importCommitRequest = z.strictObject({ mode: z.enum(['all', 'valid']) });
/** The uploaded file's name. */
export const importUploadQuery = z.strictObject({
  filename: z.string().trim().min(1).max(200).default('registry.xlsx'),
});
/** The list's filters, and whether phones come unmasked. */
export const exportQuery = listVolunteersQuery
  .omit({ limit: true, offset: true })
  .extend({ unmasked: z.enum(['0', '1']).default('0') });
