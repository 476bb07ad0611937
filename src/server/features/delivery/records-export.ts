import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import type { listRecordsQuery } from '../../../contract/delivery.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { streamWorkbook } from '../registry/registry-excel.presenter.ts';
import { recordFilter } from './records.service.ts';

const groupNames: Record<string, string> = {
  migrant_workers: '进城务工人员',
  youth: '青少年',
  taiwan_overseas: '台胞侨眷',
  elderly: '老年人',
  disabled: '残疾人',
  hardship: '困难群众',
  women_children: '妇女儿童',
  veterans: '退役军人',
  general: '其他居民',
};
const modeNames: Record<string, string> = {
  studio: '工作室内',
  home: '上门',
  phone: '电话',
  online: '网上',
  activity: '集体活动',
};

/** Streams the filtered records as .xlsx, recipients masked; the export is audited with its size. */
export async function streamRecordsExport(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  path: string,
  q: z.infer<typeof listRecordsQuery>,
): Promise<Readable> {
  const { limit: _limit, offset: _offset, ...filter } = q;
  const count = Number(
    (
      await recordFilter(deps, actor, path, filter)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await recordAudit(deps.db, ctx, {
    entity: 'serviceRecord',
    entityId: null,
    action: 'export',
    unitId: actor.unitId,
    after: { rows: count, filter },
  });
  const categories = new Map((await listCategories(deps.db)).map((c) => [c.id, c.name['zh-CN']]));
  async function* rows() {
    for (let offset = 0; ; offset += 1000) {
      const page = await recordFilter(deps, actor, path, filter)
        .select([
          'service_records.served_at',
          'studios.name as studio_name',
          'org_units.name as unit_name',
          'accounts.display_name as author',
          'service_records.recipient_name',
          'service_records.groups_json',
          'service_records.category_id',
          'service_records.mode',
          'service_records.content',
          'service_records.person_times',
          'service_records.duration_minutes',
        ])
        .orderBy('service_records.served_at')
        .orderBy('service_records.id')
        .limit(1000)
        .offset(offset)
        .execute();
      for (const r of page) {
        yield [
          r.served_at.slice(0, 16).replace('T', ' '),
          r.studio_name,
          r.unit_name,
          r.author,
          r.recipient_name ? `${[...r.recipient_name][0] ?? ''}**` : '',
          (JSON.parse(r.groups_json) as string[]).map((g) => groupNames[g] ?? g).join('、'),
          categories.get(r.category_id) ?? '',
          modeNames[r.mode] ?? r.mode,
          r.content,
          r.person_times,
          r.duration_minutes,
        ];
      }
      if (page.length < 1000) return;
    }
  }
  return streamWorkbook(
    [
      '服务时间',
      '工作室',
      '所在单位',
      '记录人',
      '服务对象',
      '服务群体',
      '服务类别',
      '服务方式',
      '服务内容',
      '人次',
      '时长（分钟）',
    ],
    rows(),
  );
}
