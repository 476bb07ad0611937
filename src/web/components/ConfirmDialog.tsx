import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n/react.tsx';

/**
 * The one confirmation for what cannot be undone or reaches many people (an SMS announcement,
 * awarding or revoking a plaque, disabling a category, committing an import): a dialog that
 * says what will happen, asked once, with the action named on its button.
 */
export function ConfirmDialog({
  open,
  title,
  okText,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('confirm.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onOk={onConfirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
