import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { publicStudioHit } from '../../../contract/public.ts';
import { api } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';

/** A serving studio the resident chose, with its community. */
export type StudioChoice = z.infer<typeof publicStudioHit>;

/** Chooses a serving studio by a part of its name; the results are plain buttons, as in UnitPicker. */
export function StudioPicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: StudioChoice | null;
  onChange(studio: StudioChoice | null): void;
  error?: string | null | undefined;
}) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const focusSearch = useRef(false);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    if (!value && focusSearch.current) {
      focusSearch.current = false;
      input.current?.focus();
    }
  }, [value]);

  const results = useLoad(
    (signal) => api.get<StudioChoice[]>('/api/public/studios', { q: query, limit: 8 }, signal),
    value || !query ? '' : `studios:${query}`,
  );
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  if (value) {
    return (
      <div className="r-field">
        <span className="r-label" id={`${id}-label`}>
          {t('letter.studio')}
        </span>
        <div className="r-chosen" aria-labelledby={`${id}-label`} role="group">
          <span>
            <strong data-testid="chosen-studio">{value.name}</strong>
            <span className="r-hint"> {value.unit.name}</span>
          </span>
          <button
            type="button"
            className="r-button r-button-secondary r-button-small"
            onClick={() => {
              focusSearch.current = true;
              onChange(null);
            }}
          >
            {t('letter.studioChange')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className={error ? 'r-field r-field-error' : 'r-field'}>
      <label htmlFor={id}>
        {t('letter.studio')}
        <span className="r-field-mark">{t('common.required')}</span>
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        className="r-input"
        placeholder={t('letter.studioSearch')}
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
      />
      <p id={`${id}-hint`} className="r-hint">
        {t('letter.studioHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="r-error-text">
          {error}
        </p>
      )}
      <div aria-live="polite" className="r-unit-status">
        {results.loading && <span className="r-hint">{t('unit.searching')}</span>}
        {results.error && <span className="r-error-text">{results.error}</span>}
        {!results.loading && query && results.data?.length === 0 && (
          <span className="r-hint">{t('letter.studioNone')}</span>
        )}
      </div>
      {!results.loading && query && results.data && results.data.length > 0 && (
        <ul className="r-unit-results" aria-label={t('letter.studioResults')}>
          {results.data.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="r-unit-option"
                onClick={() => {
                  setText('');
                  setQuery('');
                  onChange(s);
                }}
              >
                <span>{s.name}</span>
                <span className="r-hint">{s.unit.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
