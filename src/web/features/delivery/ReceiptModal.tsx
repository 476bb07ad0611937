import { Button, Modal } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { ServiceRecord } from './api.ts';
import { ReceiptPanel } from './ReceiptPanel.tsx';

/** A record's 服务回执, opened later from the record book to show again or print. */
export function ReceiptModal({ record, onClose }: { record: ServiceRecord | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={record !== null}
      title={t('delivery.receipt.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('delivery.receipt.close')}</Button>}
      destroyOnHidden
    >
      {record && <ReceiptPanel recordId={record.id} />}
    </Modal>
  );
}
