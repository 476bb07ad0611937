import { useState } from 'react';
import { Alert, App, Checkbox, Modal } from 'antd';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { EXPORT_PATH } from './api.ts';
import { downloadFile } from './files.ts';
import type { RegistryFilterValues } from './RegistryFilters.tsx';

interface Props {
  open: boolean;
  filters: RegistryFilterValues;
  /** How many records the current filters match, for the confirmation text. */
  total: number;
  /** The total is the list's estimate (above a thousand matches). */
  totalIsEstimate?: boolean;
  onClose(): void;
}

/**
 * Exports the filtered list to .xlsx. Phones are masked unless the admin asks for full
 * numbers, which the server allows only to roles that may read them, and logs.
 */
export function ExportModal({ open, filters, total, totalIsEstimate = false, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [unmasked, setUnmasked] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(EXPORT_PATH, { ...filters, unmasked: unmasked ? '1' : undefined }, 'registry.xlsx', locale);
      void message.success(t('registry.export.done'));
      setUnmasked(false);
      onClose();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('registry.export.title')}
      okText={t('registry.export.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void run()}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <p>{t(totalIsEstimate ? 'registry.export.introAbout' : 'registry.export.intro', { total })}</p>
      <Checkbox
        checked={unmasked}
        onChange={(e) => setUnmasked(e.target.checked)}
        aria-describedby="export-unmasked-warning"
      >
        {t('registry.export.unmasked')}
      </Checkbox>
      <Alert
        id="export-unmasked-warning"
        type={unmasked ? 'warning' : 'info'}
        showIcon
        title={t(unmasked ? 'registry.export.unmaskedWarning' : 'registry.export.maskedNote')}
        style={{ marginTop: 12 }}
      />
      {busy && (
        <p className="hm-muted" role="status">
          {t('registry.export.preparing')}
        </p>
      )}
    </Modal>
  );
}
