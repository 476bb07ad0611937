import { Alert, Button, QRCode, Space, Spin } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { receiptPdfUrl, recordsApi } from './api.ts';
import { formatTime } from './labels.ts';

/** Groups a code in fours, as the slip prints it, so it is read aloud without losing one's place. */
function grouped(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A walk-in's 服务回执 on the member's phone: a QR code the resident scans to rate the service,
 * the code to type instead, how long it is valid, the rating once given, and the slip to print.
 */
export function ReceiptPanel({ recordId }: { recordId: number }) {
  const { t, locale } = useI18n();
  const receipt = useLoad((signal) => recordsApi.receipt(recordId, signal), String(recordId));
  if (receipt.error) return <LoadError message={receipt.error} onRetry={receipt.reload} />;
  const r = receipt.data;
  if (!r) return <Spin description={t('common.loading')} />;
  return (
    <section className="hm-dlv-receipt" aria-labelledby={`receipt-${r.recordId}-title`} data-testid="receipt">
      <h2 id={`receipt-${r.recordId}-title`} className="hm-detail-title">
        {t('delivery.receipt.title')} · {r.studioName}
      </h2>
      <p>{t('delivery.receipt.intro')}</p>
      <div className="hm-dlv-receipt-qr">
        {/* antd passes aria-* to the <svg role="img">, so the code is named where it is drawn. */}
        <QRCode
          value={r.url}
          type="svg"
          size={232}
          bordered={false}
          status={r.expired ? 'expired' : 'active'}
          aria-label={t('delivery.receipt.qrLabel')}
        />
      </div>
      <p className="hm-dlv-receipt-code">
        {t('delivery.receipt.code')} <strong data-testid="receipt-code">{grouped(r.code)}</strong>
      </p>
      <p className="hm-dlv-meta">
        {t('delivery.receipt.link')}:{' '}
        <a href={r.url} data-testid="receipt-link">
          {r.url}
        </a>
      </p>
      {r.expired ? (
        <Alert type="warning" showIcon role="status" title={t('delivery.receipt.expired')} />
      ) : (
        <p className="hm-dlv-meta">{t('delivery.receipt.expires', { date: formatTime(r.expiresAt, locale) })}</p>
      )}
      <p role="status" data-testid="receipt-rating">
        {r.rating ? t('delivery.receipt.rated', { n: r.rating.score }) : t('delivery.receipt.notRated')}
        {r.rating?.comment ? `（${r.rating.comment}）` : ''}
      </p>
      <Space wrap>
        <a className="hm-dlv-link-button" href={receiptPdfUrl(r.recordId, 'a6')} target="_blank" rel="noopener">
          {t('delivery.receipt.printA6')}
        </a>
        <a className="hm-dlv-link-button" href={receiptPdfUrl(r.recordId, 'a4')} target="_blank" rel="noopener">
          {t('delivery.receipt.printA4')}
        </a>
        <Button onClick={receipt.reload}>{t('delivery.receipt.refresh')}</Button>
      </Space>
    </section>
  );
}
