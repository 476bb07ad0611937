import { useState, type ComponentType } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import { Link } from 'react-router';
import type { StudioAction } from '../../../domain/studios/lifecycle.ts';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { studiosApi, type StudioDetail } from './api.ts';
import { ContractModal } from './ContractModal.tsx';
import { actionLabel } from './labels.ts';
import { CommunityReviewModal, StreetReviewModal } from './ReviewModal.tsx';
import {
  CloseModal,
  CompleteRectificationModal,
  PlaqueModal,
  RectifyModal,
  RenewModal,
  RevokeModal,
} from './StepModals.tsx';
import type { StepProps } from './steps.ts';

/** Steps that need a form, by lifecycle action. */
const dialogs: Partial<Record<StudioAction, ComponentType<StepProps>>> = {
  communityReview: CommunityReviewModal,
  streetReview: StreetReviewModal,
  sign: ContractModal,
  award: PlaqueModal,
  rectify: RectifyModal,
  completeRectification: CompleteRectificationModal,
  revoke: RevokeModal,
  close: CloseModal,
  renew: RenewModal,
};

/** Steps that only need a confirmation. */
const confirmed: Partial<Record<StudioAction, (id: number) => Promise<StudioDetail>>> = {
  submit: studiosApi.submit,
  reopen: studiosApi.reopen,
};

const dangerous = new Set<string>(['revoke', 'close', 'rectify']);

/**
 * The next steps the server says this viewer may take (`allowedActions`), and nothing else:
 * the state machine on the server stays the only judge of who may do what.
 */
export function StudioActions({ studio, onChanged }: { studio: StudioDetail; onChanged(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<StudioAction | null>(null);
  const Dialog = open ? dialogs[open] : undefined;

  const done = (action: string) => () => {
    setOpen(null);
    void message.success(t('studios.actions.done', { action: actionLabel(t, action) }));
    onChanged();
  };

  if (studio.allowedActions.length === 0) return null;
  return (
    <div className="hm-studio-actions" role="group" aria-label={t('studios.actions.label')}>
      <Space wrap>
        {studio.allowedActions.map((action) => {
          if (action === 'edit') {
            return (
              <Link key={action} to={`/studios/${studio.id}/edit`}>
                <Button tabIndex={-1}>{actionLabel(t, action)}</Button>
              </Link>
            );
          }
          const run = confirmed[action as StudioAction];
          if (run) {
            return (
              <Popconfirm
                key={action}
                title={t(`studios.confirm.${action as 'submit' | 'reopen'}`)}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={async () => {
                  try {
                    await run(studio.id);
                    done(action)();
                  } catch (err) {
                    void message.error(errorMessage(err));
                  }
                }}
              >
                <Button type="primary" data-action={action}>
                  {actionLabel(t, action)}
                </Button>
              </Popconfirm>
            );
          }
          if (!dialogs[action as StudioAction]) return null;
          return (
            <Button
              key={action}
              type={dangerous.has(action) ? 'default' : 'primary'}
              danger={dangerous.has(action)}
              data-action={action}
              onClick={() => setOpen(action as StudioAction)}
            >
              {actionLabel(t, action)}
            </Button>
          );
        })}
      </Space>
      {Dialog && open && <Dialog studio={studio} onClose={() => setOpen(null)} onDone={done(open)} />}
    </div>
  );
}
