import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import type { Locale } from '../../../contract/common.ts';
import type { listRecordsQuery } from '../../../contract/delivery.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { exportFileName, streamWorkbook, type XlsxDownload } from '../../xlsx-export.ts';
import { categoryNamesByLocale } from '../categories/categories.repository.ts';
import { exportHeaders, exportRow } from './records-export.presenter.ts';
import { countRecords, listExportRows } from './records.repository.ts';
import { recordFilter } from './records.service.ts';

// Pages of this many records are read at a time, so a large export never sits in memory whole.
const PAGE = 1000;

/** Streams the filtered records as .xlsx, recipients masked; the export is audited with its size. */
export async function streamRecordsExport(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  q: z.infer<typeof listRecordsQuery>,
): Promise<XlsxDownload> {
  const { limit: _limit, offset: _offset, ...query } = q;
  const filter = await recordFilter(deps, actor, query, 'export');
  const count = await countRecords(deps.db, filter);
  await recordAudit(deps.db, ctx, {
    entity: 'serviceRecord',
    entityId: null,
    action: 'export',
    unitId: actor.unitId,
    after: { rows: count, filter: query },
  });
  const categories = await categoryNamesByLocale(deps.db);
  async function* rows(locale: Locale) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await listExportRows(deps.db, filter, offset, PAGE);
      for (const r of page) yield exportRow(r, categories, locale);
      if (page.length < PAGE) return;
    }
  }
  return {
    stream: (locale) => streamWorkbook(exportHeaders, rows(locale), locale),
    name: await exportFileName(deps, actor, '服务记录', query.under, ctx.at),
    fallback: 'records.xlsx',
    rows: count,
  };
}
