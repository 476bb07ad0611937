import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { serviceRequestCreated } from '../../../contract/delivery.ts';
import { api, errorMessage } from '../api.ts';
import { CategorySelect } from '../components/CategorySelect.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorNotice, StatusNotice } from '../components/Notice.tsx';
import { UnitPicker, unitFromQuery, type UnitChoice } from '../components/UnitPicker.tsx';
import { locate, type Position } from '../geolocation.ts';
import { useCategories, useTitle } from '../hooks.ts';
import { useT, type ResidentKey } from '../i18n/index.tsx';
import { rememberCode } from '../recent.ts';
import { Link } from '../router.tsx';
import { PHONE_PATTERN } from './SmsPage.tsx';

type Created = z.infer<typeof serviceRequestCreated>;
type FieldName = 'category' | 'text' | 'unit' | 'name' | 'phone';

/** The tracking code, big enough to copy from the screen onto paper. */
function Sent({ created, onAnother }: { created: Created; onAnother(): void }) {
  const { t } = useT();
  return (
    <div className="r-stack">
      <StatusNotice tone={created.duplicate ? 'warning' : 'success'} focus>
        <h2>{t('ask.sentTitle')}</h2>
        {created.duplicate && <p data-testid="ask-duplicate">{t('ask.duplicate')}</p>}
        <p className="r-code-label">{t('ask.codeLabel')}</p>
        <p className="r-code" data-testid="tracking-code" lang="en">
          {created.trackingCode}
        </p>
        <p>{t('ask.codeHint')}</p>
        {!created.duplicate && <p data-testid="ask-sms-sent">{t('ask.smsSent')}</p>}
        <p>{created.studioName ? t('ask.assignedTo', { studio: created.studioName }) : t('ask.unassigned')}</p>
      </StatusNotice>
      <div className="r-actions">
        <Link to={`/track/${created.trackingCode}`} className="r-button">
          {t('ask.track')}
        </Link>
        <button type="button" className="r-button r-button-secondary" onClick={onAnother}>
          {t('ask.another')}
        </button>
      </div>
    </div>
  );
}

/** /ask — a resident asks for a service and gets a tracking code. */
export function AskPage({ search }: { search: URLSearchParams }) {
  const { t } = useT();
  useTitle(t('ask.title'));
  const categories = useCategories();
  const [categoryId, setCategoryId] = useState<number | null>(() => Number(search.get('categoryId')) || null);
  const [text, setText] = useState('');
  const [time, setTime] = useState('');
  const [unit, setUnit] = useState<UnitChoice | null>(() => unitFromQuery(search));
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [withPosition, setWithPosition] = useState(false);
  const [position, setPosition] = useState<Position | null>(null);
  const [geoError, setGeoError] = useState<ResidentKey | null>(null);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  const togglePosition = async (on: boolean) => {
    setWithPosition(on);
    setGeoError(null);
    if (!on) {
      setPosition(null);
      return;
    }
    try {
      setPosition(await locate());
    } catch (err) {
      setWithPosition(false);
      setGeoError(err as ResidentKey);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = phone.replace(/\s+/g, '');
    const found: Partial<Record<FieldName, string>> = {};
    if (!categoryId) found.category = t('category.required');
    if (text.trim().length < 4) found.text = t('ask.textInvalid');
    if (!unit) found.unit = t('unit.required');
    if (!name.trim()) found.name = t('ask.nameRequired');
    if (!PHONE_PATTERN.test(p)) found.phone = t('sms.phoneInvalid');
    setErrors(found);
    setFailure(null);
    const first = (['category', 'text', 'unit', 'name', 'phone'] as const).find((f) => found[f]);
    if (first || !categoryId || !unit) {
      if (first) document.getElementById(`ask-${first}`)?.focus();
      return;
    }
    setSending(true);
    try {
      const body = {
        categoryId,
        text: text.trim(),
        preferredTime: time.trim(),
        unitId: unit.id,
        residentName: name.trim(),
        residentPhone: p,
        ...(position ? { lng: position.lng, lat: position.lat, datum: 'wgs84' } : {}),
      };
      const answer = await api.post<Created>('/api/public/requests', body);
      rememberCode(answer.trackingCode);
      setCreated(answer);
    } catch (err) {
      // 429 (too many requests from this address or phone) and the like: the server's own words.
      setFailure(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  const another = () => {
    setCreated(null);
    setText('');
    setTime('');
  };

  return (
    <div className="r-stack">
      <h1>{t('ask.title')}</h1>
      {created ? (
        <Sent created={created} onAnother={another} />
      ) : (
        <>
          <p className="r-lead">{t('ask.intro')}</p>
          <form className="r-form r-card" onSubmit={submit} noValidate aria-busy={sending}>
            {Object.keys(errors).length > 0 && <p className="r-error-text">{t('common.fixErrors')}</p>}
            <Field id="ask-category" label={t('category.label')} error={errors.category} required>
              {(a11y) => (
                <CategorySelect
                  {...a11y}
                  categories={categories.data ?? []}
                  value={categoryId}
                  onChange={setCategoryId}
                  emptyLabel={t('category.choose')}
                  required
                />
              )}
            </Field>
            {categories.error && (
              <ErrorNotice message={categories.error} onRetry={categories.retryable ? categories.reload : undefined} />
            )}
            <Field id="ask-text" label={t('ask.text')} hint={t('ask.textHint')} error={errors.text} required>
              {(a11y) => (
                <textarea
                  {...a11y}
                  className="r-input"
                  rows={4}
                  maxLength={500}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
              )}
            </Field>
            <Field id="ask-time" label={t('ask.time')} hint={t('ask.timeHint')}>
              {(a11y) => (
                <input
                  {...a11y}
                  className="r-input"
                  maxLength={100}
                  value={time}
                  onChange={(e) => setTime(e.target.value)}
                />
              )}
            </Field>
            <UnitPicker id="ask-unit" value={unit} onChange={setUnit} error={errors.unit} required />
            <Field id="ask-name" label={t('ask.name')} error={errors.name} required>
              {(a11y) => (
                <input
                  {...a11y}
                  className="r-input"
                  autoComplete="name"
                  maxLength={50}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
            <Field id="ask-phone" label={t('ask.phone')} hint={t('ask.phoneHint')} error={errors.phone} required>
              {(a11y) => (
                <input
                  {...a11y}
                  className="r-input"
                  type="tel"
                  inputMode="numeric"
                  autoComplete="tel"
                  maxLength={13}
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                />
              )}
            </Field>
            <div className="r-check">
              <input
                id="ask-position"
                type="checkbox"
                checked={withPosition}
                onChange={(e) => void togglePosition(e.target.checked)}
              />
              <label htmlFor="ask-position">{t('ask.position')}</label>
            </div>
            <div aria-live="polite">
              {position && <p className="r-hint">{t('ask.positionOk')}</p>}
              {geoError && <p className="r-error-text">{t(geoError)}</p>}
            </div>
            {failure && <ErrorNotice message={failure} />}
            <button type="submit" className="r-button r-button-wide" disabled={sending}>
              {sending ? t('common.sending') : t('ask.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
