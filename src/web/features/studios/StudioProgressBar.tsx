import { Steps } from 'antd';
import { progressSteps, studioProgress } from '../../../domain/studios/progress.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { StudioDetail, StudioStatus } from './api.ts';

/**
 * Where the studio stands: 申请 → 社区审核 → 街道审核 → 签约 → 授牌, with a refused review in
 * red and, after the plaque, rectification (orange), revocation or closing shown as a step.
 */
export function StudioProgressBar({ studio }: { studio: Pick<StudioDetail, 'status' | 'history'> }) {
  const { t } = useI18n();
  const status = studio.status as StudioStatus;
  const rejection = [...studio.history].reverse().find((h) => h.toStatus === 'rejected');
  const progress = studioProgress(status, (rejection?.fromStatus as StudioStatus | null) ?? null);
  const items: Array<{ key: string; title: string; status: 'finish' | 'process' | 'error' | 'wait' }> =
    progressSteps.map((step, i) => ({
      key: step,
      title: t(`studios.progress.${step}`),
      status:
        i < progress.current
          ? ('finish' as const)
          : i === progress.current
            ? progress.refused
              ? ('error' as const)
              : ('process' as const)
            : ('wait' as const),
    }));
  if (progress.after)
    items.push({
      key: progress.after,
      title: t(`studios.progress.${progress.after}`),
      status: progress.after === 'rectification' ? 'process' : 'error',
    });
  const currentStep = items.find((i) => i.status === 'process' || i.status === 'error');
  return (
    <section aria-label={t('studios.progress.label')} className="hm-studio-progress" data-testid="studio-progress">
      <Steps size="small" items={items} current={Math.min(progress.current, items.length - 1)} responsive />
      <p className="hm-visually-hidden" data-testid="studio-progress-now">
        {currentStep ? t('studios.progress.now', { step: currentStep.title }) : t('studios.progress.done')}
      </p>
    </section>
  );
}
