import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { isReceiptExpired, receiptExpiresAt, type ServiceMode } from '../../../domain/delivery/delivery.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { serviceReceipt } from '../../../contract/delivery.ts';
import { ratingPath } from '../../../contract/resident-paths.ts';
import type { Deps } from '../../context.ts';
import { renderReceiptPdf, type ReceiptPaper } from '../../documents/receipt.document.ts';
import { authorize } from '../../scope.ts';
import { categoryNamesZh } from '../categories/categories.repository.ts';
import { memberAccountsOf } from './delivery.repository.ts';
import { findRating } from './ratings.repository.ts';
import { receiptDays } from './record-settings.service.ts';
import { findRecord } from './records.repository.ts';

/** How the slip names the way a service was given. */
const modeZh: Record<ServiceMode, string> = {
  studio: '工作室内',
  home: '上门',
  phone: '电话',
  online: '网上',
  activity: '集体活动',
};

/**
 * A walk-in's 服务回执, for the studio's members and the organisations above (who may add
 * follow-ups): 404 out of scope, 409 for a record written for a request (its resident rates
 * by tracking code). `baseUrl` is the public address (public-url.ts) its QR code points to.
 */
export async function getReceipt(
  deps: Deps,
  actor: Actor,
  id: number,
  baseUrl: string,
): Promise<z.infer<typeof serviceReceipt>> {
  const r = await findRecord(deps.db, id);
  if (!r) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'serviceRecord', { unitPath: r.unit_path });
  authorize(actor, 'update', 'serviceRecord', {
    unitPath: r.unit_path,
    ownerAccountIds: await memberAccountsOf(deps.db, r.studio_id),
  });
  if (r.request_id !== null) throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'receipt', status: 'request' });
  const days = await receiptDays(deps.db);
  const rating = await findRating(deps.db, { requestId: null, recordId: r.id });
  return {
    recordId: r.id,
    code: r.rating_code,
    url: `${baseUrl}${ratingPath(r.rating_code)}`,
    studioName: r.studio_name,
    unitName: r.unit_name,
    servedAt: r.served_at,
    categoryId: r.category_id,
    mode: r.mode,
    expiresAt: receiptExpiresAt(r.created_at, days),
    expired: isReceiptExpired(r.created_at, deps.clock.now(), days),
    rating: rating ? { score: rating.score, comment: rating.comment, at: rating.created_at } : null,
  };
}

/** The receipt as a slip to print (A6, or the same on A4), with its file name. */
export async function receiptPdf(
  deps: Deps,
  actor: Actor,
  id: number,
  baseUrl: string,
  size: ReceiptPaper,
): Promise<{ pdf: Buffer; fileName: string }> {
  const receipt = await getReceipt(deps, actor, id, baseUrl);
  const category = (await categoryNamesZh(deps.db)).get(receipt.categoryId) ?? '';
  const pdf = await renderReceiptPdf(
    {
      studioName: receipt.studioName,
      unitName: receipt.unitName,
      servedAt: receipt.servedAt,
      service: `${category}（${modeZh[receipt.mode as ServiceMode] ?? receipt.mode}）`,
      code: receipt.code,
      url: receipt.url,
      rateAddress: `${baseUrl}/rate`,
      expiresAt: receipt.expiresAt,
    },
    size,
  );
  return { pdf, fileName: `${receipt.studioName}-服务回执-${receipt.code}` };
}
