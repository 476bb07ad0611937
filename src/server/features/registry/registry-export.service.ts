import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { exportQuery } from '../../../contract/registry.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { exportHeaders, presentExportRow } from './registry-excel.presenter.ts';
import { streamWorkbook } from '../../xlsx-export.ts';
import { categoriesOf, countVolunteers, listVolunteerExportPage } from './registry.repository.ts';

const PAGE = 1000;

/**
 * Streams the filtered registry as .xlsx, a page of rows at a time. Phones are masked
 * unless unmasked data was asked for by a role allowed to read it; either way the export
 * and its row count are written to the audit log before the first byte goes out.
 */
export async function streamRegistryExport(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  q: z.infer<typeof exportQuery>,
): Promise<Readable> {
  const { path } = await resolveScope(deps.db, actor, 'export', 'volunteer', q.under);
  const unmasked = q.unmasked === '1';
  if (unmasked) authorize(actor, 'readPersonal', 'volunteer', { unitPath: path });
  const filter = {
    path,
    kind: q.kind,
    categoryId: q.categoryId,
    screeningStatus: q.screeningStatus,
    q: q.q || undefined,
  };
  const count = await countVolunteers(deps.db, filter);
  await recordAudit(deps.db, ctx, {
    entity: 'volunteer',
    entityId: null,
    action: unmasked ? 'export.unmasked' : 'export',
    unitId: actor.unitId,
    after: { rows: count, filter: { ...q } },
  });
  const categoryNames = new Map((await listCategories(deps.db)).map((c) => [c.id, c.name['zh-CN']]));
  async function* rows() {
    for (let offset = 0; ; offset += PAGE) {
      const page = await listVolunteerExportPage(deps.db, filter, PAGE, offset);
      const cats = await categoriesOf(
        deps.db,
        page.map((p) => p.id),
      );
      for (const v of page)
        yield presentExportRow(
          v,
          (cats.get(v.id) ?? []).map((id) => categoryNames.get(id) ?? ''),
          unmasked,
        );
      if (page.length < PAGE) return;
    }
  }
  return streamWorkbook(exportHeaders, rows());
}
