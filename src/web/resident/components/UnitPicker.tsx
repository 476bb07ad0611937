import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { publicUnit } from '../../../contract/public.ts';
import { api } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { readStoredJson, writeStored } from '../storage.ts';

type PublicUnit = z.infer<typeof publicUnit>;

/** A community, village or enterprise the resident chose. */
export interface UnitChoice {
  id: number;
  name: string;
}

const REMEMBERED = 'huimin.resident.unit';

function isUnitChoice(value: unknown): value is UnitChoice {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as UnitChoice).id === 'number' &&
    typeof (value as UnitChoice).name === 'string'
  );
}

/** The community this phone chose last, so a resident does not search for it on every page. */
export function rememberedUnit(): UnitChoice | null {
  return readStoredJson(REMEMBERED, isUnitChoice);
}

/** The community named in the address (`?unitId=…&unitName=…`), else the remembered one. */
export function unitFromQuery(search: URLSearchParams): UnitChoice | null {
  const id = Number(search.get('unitId'));
  const name = search.get('unitName');
  if (Number.isInteger(id) && id > 0 && name) return { id, name };
  return rememberedUnit();
}

interface UnitPickerProps {
  id: string;
  value: UnitChoice | null;
  onChange(unit: UnitChoice | null): void;
  error?: string | null | undefined;
  required?: boolean;
}

/**
 * Chooses a community by searching its name, pinyin or initials. The results are plain buttons
 * in a list (simpler for screen readers and big fingers than a combobox popup).
 */
export function UnitPicker({ id, value, onChange, error, required = false }: UnitPickerProps) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const focusSearch = useRef(false);

  // Wait for a pause in typing: every keystroke a request would waste a slow connection.
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
    (signal) => api.get<PublicUnit[]>('/api/public/units', { q: query, limit: 8 }, signal),
    value || !query ? '' : `units:${query}`,
  );

  const choose = (unit: UnitChoice) => {
    writeStored(REMEMBERED, JSON.stringify(unit));
    setText('');
    setQuery('');
    onChange(unit);
  };
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  if (value) {
    return (
      <div className="r-field">
        <span className="r-label" id={`${id}-label`}>
          {t('unit.label')}
        </span>
        <div className="r-chosen" aria-labelledby={`${id}-label`} role="group">
          <strong data-testid="chosen-unit">{value.name}</strong>
          <button
            type="button"
            className="r-button r-button-secondary r-button-small"
            onClick={() => {
              focusSearch.current = true;
              onChange(null);
            }}
          >
            {t('unit.change')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className={error ? 'r-field r-field-error' : 'r-field'}>
      <label htmlFor={id}>
        {t('unit.label')}
        <span className="r-field-mark">{required ? t('common.required') : t('common.optional')}</span>
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        className="r-input"
        placeholder={t('unit.search')}
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
      />
      <p id={`${id}-hint`} className="r-hint">
        {t('unit.searchHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="r-error-text">
          {error}
        </p>
      )}
      <div aria-live="polite" className="r-unit-status">
        {results.loading && <span className="r-hint">{t('unit.searching')}</span>}
        {results.error && <span className="r-error-text">{results.error}</span>}
        {!results.loading && query && results.data?.length === 0 && <span className="r-hint">{t('unit.none')}</span>}
      </div>
      {!results.loading && query && results.data && results.data.length > 0 && (
        <ul className="r-unit-results" aria-label={t('unit.results')}>
          {results.data.map((u) => (
            <li key={u.id}>
              <button type="button" className="r-unit-option" onClick={() => choose({ id: u.id, name: u.name })}>
                <span>{u.name}</span>
                {u.parentName && <span className="r-hint">{u.parentName}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
