import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { kindLabels, type VolunteerKind } from '../../../domain/registry/import-rows.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import type { exportQuery } from '../../../contract/volunteers.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { listCategories } from '../categories/categories.service.ts';
import { streamWorkbook } from './registry-excel.ts';
import { categoriesOf, volunteerQuery } from './volunteers.repository.ts';
import { scopePath } from './volunteers.service.ts';

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
  const path = await scopePath(deps, actor, q.under, 'export');
  const unmasked = q.unmasked === '1';
  if (unmasked) authorize(actor, 'readPersonal', 'volunteer', { unitPath: path });
  const filter = {
    path,
    kind: q.kind,
    categoryId: q.categoryId,
    screeningStatus: q.screeningStatus,
    q: q.q || undefined,
  };
  const count = Number(
    (
      await volunteerQuery(deps.db, filter)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
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
      const page = await volunteerQuery(deps.db, filter)
        .selectAll('volunteers')
        .select('org_units.name as unit_name')
        .orderBy('volunteers.id')
        .limit(PAGE)
        .offset(offset)
        .execute();
      const cats = await categoriesOf(
        deps.db,
        page.map((p) => p.id),
      );
      for (const v of page) {
        yield [
          kindLabels[v.kind as VolunteerKind] ?? v.kind,
          v.name,
          v.gender,
          v.birth_year,
          unmasked ? v.phone : maskPhone(v.phone),
          v.id_number_masked,
          v.unit_name,
          v.party_branch,
          v.profession,
          v.qualifications,
          (cats.get(v.id) ?? []).map((id) => categoryNames.get(id) ?? '').join('、'),
          v.availability,
          v.screening_status === 'selected' ? '已选用' : v.screening_status === 'declined' ? '未选用' : '待挑选',
        ];
      }
      if (page.length < PAGE) return;
    }
  }
  return streamWorkbook(
    [
      '类型',
      '姓名或名称',
      '性别',
      '出生年份',
      '手机号码',
      '身份证号',
      '所在单位',
      '所在党支部',
      '职业或专业',
      '资质证书',
      '技能类别',
      '可服务时间',
      '挑选状态',
    ],
    rows(),
  );
}
