import { PassThrough, type Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../domain/access/roles.ts';
import type { AuditContext, Deps } from './context.ts';
import { recordAudit } from './features/audit/audit.repository.ts';
import { findUnit } from './features/org-units/org-units.repository.ts';
import { chinaDate } from './time.ts';
import { contentDisposition, safeFileName } from './content-disposition.ts';
import type { Locale } from '../contract/common.ts';
import { exportHeading } from './i18n/export-headers.ts';
import { loadExcel } from './heavy-modules.ts';
import { loadExportLabels } from './i18n/export-values.ts';

/** A spreadsheet cell's value. */
export type Cell = string | number | null;

/**
 * Streams an export workbook: a header row (in `locale`, from the Simplified Chinese headings the
 * services write), then rows as the iterator yields them.
 */
export function streamWorkbook(headers: string[], rows: AsyncIterable<Cell[]>, locale: Locale = 'zh-CN'): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      // The rows' enumerated cells are labelled from the console's dictionaries.
      const [ExcelJS] = await Promise.all([loadExcel(), loadExportLabels()]);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const sheet = wb.addWorksheet(exportHeading('导出', locale));
      sheet.addRow(headers.map((h) => exportHeading(h, locale))).commit();
      for await (const r of rows) sheet.addRow(r).commit();
      sheet.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return out;
}

/** A workbook on its way out, with what the download needs to be named and its progress shown. */
export interface XlsxDownload {
  /** The workbook, or how to write it in the reader's language (headings and enumerated cells follow Accept-Language). */
  stream: Readable | ((locale: Locale) => Readable);
  /** `<what>-<unit>-<China date>.xlsx` */
  name: string;
  fallback: string;
  rows: number;
}

/** Sends an export: the file's names, its row count (`X-Export-Rows`, for the browser's progress) and no caching. */
export function sendXlsx(reply: FastifyReply, file: XlsxDownload) {
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', contentDisposition(file.name, file.fallback))
    .header('cache-control', 'no-store')
    .header('x-export-rows', String(file.rows))
    .header('access-control-expose-headers', 'x-export-rows')
    .send(typeof file.stream === 'function' ? file.stream(reply.request.locale ?? 'zh-CN') : file.stream);
}

/**
 * One column of a list export: its heading and how a listed item fills it, in the reader's
 * language where the cell is an enumerated value (a status, a mode, a role); free text, names
 * and numbers stay as stored.
 */
export interface ExportColumn<T> {
  header: string;
  cell(item: T, locale: Locale): Cell;
}

/** A list the export reads exactly as the screen does, a page at a time. */
export interface ListExport<T> {
  /** The audit log's entity for the export row. */
  entity: string;
  /** The file's first word (`工作室`, `服务记录`). */
  what: string;
  /** The ASCII file name (`studios.xlsx`). */
  fallback: string;
  /** The unit the list was asked for (`under`), when it was; the actor's own otherwise. */
  under?: string | number | undefined;
  /** The list's filters, written to the audit row. */
  filter: Record<string, unknown>;
  /** One page of the list through its own service (same scope, same masking). */
  page(limit: number, offset: number): Promise<{ items: T[]; total: number }>;
  columns: Array<ExportColumn<T>>;
}

/**
 * What an export is called: what it holds, the unit it covers (the one asked for, or the actor's
 * own) and the day in China, e.g. `服务记录-西城街道-2026-12-03.xlsx`. Call it after the scope check.
 */
export async function exportFileName(
  deps: Deps,
  actor: Actor,
  what: string,
  under: string | number | undefined,
  at: string,
): Promise<string> {
  const unit = await findUnit(deps.db, under ? Number(under) : actor.unitId);
  return `${safeFileName([what, unit?.name, chinaDate(new Date(at))].filter(Boolean).join('-'))}.xlsx`;
}

// A page of the list's own size limit; a large export never sits in memory whole.
const PAGE = 500;

/**
 * Exports what a list shows with its filters: the first page is read before anything is
 * written (so an out-of-scope unit or a bad filter answers as the list does), the export is
 * audited with its row count, and the rest streams a page at a time.
 */
export async function exportList<T>(deps: Deps, ctx: AuditContext, actor: Actor, spec: ListExport<T>) {
  const first = await spec.page(PAGE, 0);
  await recordAudit(deps.db, ctx, {
    entity: spec.entity,
    entityId: null,
    action: 'export',
    unitId: actor.unitId,
    after: { rows: first.total, filter: spec.filter },
  });
  const name = await exportFileName(deps, actor, spec.what, spec.under, ctx.at);
  async function* rows(locale: Locale): AsyncIterable<Cell[]> {
    let page = first.items;
    for (let offset = 0; ;) {
      for (const item of page) yield spec.columns.map((c) => c.cell(item, locale));
      if (page.length < PAGE) return;
      offset += PAGE;
      page = (await spec.page(PAGE, offset)).items;
    }
  }
  const headers = spec.columns.map((c) => c.header);
  return {
    stream: (locale: Locale) => streamWorkbook(headers, rows(locale), locale),
    name,
    fallback: spec.fallback,
    rows: first.total,
  };
}
