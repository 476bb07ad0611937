import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';

/** A failure, read out at once by screen readers; the text is the server's own message where there is one. */
export function ErrorNotice({ message, onRetry }: { message: string; onRetry?: (() => void) | undefined }) {
  const { t } = useT();
  return (
    <div className="r-notice r-notice-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="r-button r-button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * News that is polite to announce (a result, a confirmation). With `focus`, it takes the focus
 * when it appears: a live region that is new is not reliably read, a focused one always is.
 */
export function StatusNotice({
  children,
  tone = 'info',
  focus = false,
}: {
  children: ReactNode;
  tone?: 'info' | 'success' | 'warning';
  focus?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) box.current?.focus();
  }, [focus]);
  return (
    <div ref={box} className={`r-notice r-notice-${tone}`} role="status" tabIndex={focus ? -1 : undefined}>
      {children}
    </div>
  );
}

/** Shown while a page's data is on its way (a slow network may take seconds). */
export function Loading() {
  const { t } = useT();
  return (
    <p className="r-loading" role="status" aria-live="polite">
      <span className="r-spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}
