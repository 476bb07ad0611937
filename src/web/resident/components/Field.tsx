import type { ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';

/** What a field's control needs so that its label, hint and error are read out with it. */
export interface FieldA11y {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  required?: boolean;
  children: (a11y: FieldA11y) => ReactNode;
}

/** A labelled form field: label above, hint and error below, tied to the control by id. */
export function Field({ id, label, hint, error, required = false, children }: FieldProps) {
  const { t } = useT();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'r-field r-field-error' : 'r-field'}>
      <label htmlFor={id}>
        {label}
        <span className="r-field-mark">{required ? t('common.required') : t('common.optional')}</span>
      </label>
      {children({ id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="r-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="r-error-text">
          {error}
        </p>
      )}
    </div>
  );
}
