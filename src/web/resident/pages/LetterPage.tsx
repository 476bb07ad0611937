import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { letterCreated } from '../../../contract/mailbox.ts';
import type { PublicStudio } from '../../../contract/public.ts';
import type { LetterType } from '../../../domain/mailbox/letters.ts';
import { api, errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { ErrorNotice, StatusNotice } from '../components/Notice.tsx';
import { PhotoPicker } from '../components/PhotoPicker.tsx';
import { CodeForm } from '../components/RateByCode.tsx';
import { StudioPicker, type StudioChoice } from '../components/StudioPicker.tsx';
import { UnitPicker, rememberedUnit, type UnitChoice } from '../components/UnitPicker.tsx';
import { useDateFormat, useTitle } from '../hooks.ts';
import { useT, type ResidentKey } from '../i18n/index.tsx';
import { Link, navigate } from '../router.tsx';
import { PHONE_PATTERN } from './SmsPage.tsx';

type Created = z.infer<typeof letterCreated>;
type FieldName = 'studio' | 'unit' | 'text' | 'phone';

// The contract's MAX_PHOTOS; importing it would bring zod into the residents' bundle.
const MAX_PHOTOS = 3;
const TYPES: readonly LetterType[] = ['complaint', 'suggestion', 'praise', 'accusation'];

/** The tracking code, large; for a 检举控告, where and when it was forwarded. */
function Sent({ created, onAnother }: { created: Created; onAnother(): void }) {
  const { t } = useT();
  const { date: fullDate } = useDateFormat();
  const date = (day: string) => fullDate(`${day}T00:00:00`);
  return (
    <div className="r-stack">
      <StatusNotice tone={created.duplicate ? 'warning' : 'success'} focus>
        <h2>{t('letter.sentTitle')}</h2>
        {created.duplicate && <p>{t('letter.duplicate')}</p>}
        <p className="r-code-label">{t('letter.codeLabel')}</p>
        <p className="r-code" data-testid="letter-code" lang="en">
          {created.trackingCode}
        </p>
        <p>{t('letter.codeHint')}</p>
        {created.forwarded && (
          <p data-testid="letter-forwarded">
            {t('letter.forwarded', { to: created.forwarded.to, date: date(created.forwarded.on) })}
          </p>
        )}
      </StatusNotice>
      <div className="r-actions">
        <Link to={`/mailbox/${created.trackingCode}`} className="r-button">
          {t('letter.track')}
        </Link>
        <button type="button" className="r-button r-button-secondary" onClick={onAnother}>
          {t('letter.another')}
        </button>
      </div>
    </div>
  );
}

/** The studio named in the address (`?studioId=`, from its page or QR), once it has loaded. */
function useStudioFromQuery(search: URLSearchParams, set: (s: StudioChoice) => void): void {
  const id = Number(search.get('studioId'));
  useEffect(() => {
    if (!Number.isInteger(id) || id <= 0) return;
    const controller = new AbortController();
    api.get<PublicStudio>(`/api/public/studios/${id}`, undefined, controller.signal).then(
      (s) => {
        if (s.serving) set({ id: s.id, name: s.name, unit: s.unit });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [id, set]);
}

/** /mailbox — 监督信箱: a resident writes a complaint, suggestion or praise, anonymously if they like. */
export function LetterPage({ search }: { search: URLSearchParams }) {
  const { t } = useT();
  useTitle(t('letter.title'));
  const [type, setType] = useState<LetterType>('complaint');
  const [about, setAbout] = useState<'studio' | 'general'>('studio');
  const [studio, setStudio] = useState<StudioChoice | null>(null);
  const [unit, setUnit] = useState<UnitChoice | null>(() => rememberedUnit());
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  useStudioFromQuery(search, setStudio);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = phone.replace(/\s+/g, '');
    const found: Partial<Record<FieldName, string>> = {};
    if (about === 'studio' && !studio) found.studio = t('letter.studioRequired');
    if (about === 'general' && !unit) found.unit = t('unit.required');
    if (text.trim().length < 5) found.text = t('letter.textInvalid');
    if (p && !PHONE_PATTERN.test(p)) found.phone = t('sms.phoneInvalid');
    setErrors(found);
    setFailure(null);
    const first = (['studio', 'unit', 'text', 'phone'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`letter-${first}`)?.focus();
      return;
    }
    setSending(true);
    try {
      const body = {
        type,
        ...(about === 'studio' ? { studioId: studio?.id } : { unitId: unit?.id }),
        text: text.trim(),
        ...(name.trim() ? { writerName: name.trim() } : {}),
        ...(p ? { writerPhone: p } : {}),
        photos,
      };
      setCreated(await api.post<Created>('/api/public/letters', body));
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  const another = () => {
    setCreated(null);
    setText('');
    setPhotos([]);
  };

  return (
    <div className="r-stack">
      <h1>{t('letter.title')}</h1>
      {created ? (
        <Sent created={created} onAnother={another} />
      ) : (
        <>
          <p className="r-lead">{t('letter.intro')}</p>
          <form className="r-form r-card" onSubmit={submit} noValidate aria-busy={sending}>
            {Object.keys(errors).length > 0 && <p className="r-error-text">{t('common.fixErrors')}</p>}
            <fieldset className="r-choices">
              <legend>{t('letter.type')}</legend>
              {TYPES.map((value) => (
                <div key={value} className="r-check">
                  <input
                    type="radio"
                    id={`letter-type-${value}`}
                    name="letter-type"
                    value={value}
                    checked={type === value}
                    onChange={() => setType(value)}
                    aria-describedby={`letter-type-${value}-hint`}
                  />
                  <label htmlFor={`letter-type-${value}`}>
                    <strong>{t(`letter.type.${value}` as ResidentKey)}</strong>
                    <span id={`letter-type-${value}-hint`} className="r-hint r-choice-hint">
                      {t(`letter.typeHint.${value}` as ResidentKey)}
                    </span>
                  </label>
                </div>
              ))}
            </fieldset>
            {type === 'accusation' && (
              <div className="r-notice r-notice-warning" data-testid="accusation-notice">
                <p>{t('letter.accusationNotice')}</p>
              </div>
            )}
            <fieldset className="r-choices">
              <legend>{t('letter.about')}</legend>
              {(['studio', 'general'] as const).map((value) => (
                <div key={value} className="r-check">
                  <input
                    type="radio"
                    id={`letter-about-${value}`}
                    name="letter-about"
                    value={value}
                    checked={about === value}
                    onChange={() => setAbout(value)}
                  />
                  <label htmlFor={`letter-about-${value}`}>
                    {t(value === 'studio' ? 'letter.aboutStudio' : 'letter.aboutGeneral')}
                  </label>
                </div>
              ))}
            </fieldset>
            {about === 'studio' ? (
              <StudioPicker id="letter-studio" value={studio} onChange={setStudio} error={errors.studio} />
            ) : (
              <UnitPicker id="letter-unit" value={unit} onChange={setUnit} error={errors.unit} required />
            )}
            <Field id="letter-text" label={t('letter.text')} hint={t('letter.textHint')} error={errors.text} required>
              {(a11y) => (
                <textarea
                  {...a11y}
                  className="r-input"
                  rows={6}
                  maxLength={2000}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
              )}
            </Field>
            <PhotoPicker id="letter-photos" photos={photos} max={MAX_PHOTOS} onChange={setPhotos} />
            <fieldset className="r-stack">
              <legend>{t('letter.contact')}</legend>
              <p className="r-hint">{t('letter.contactHint')}</p>
              <Field id="letter-name" label={t('letter.name')}>
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
              <Field id="letter-phone" label={t('letter.phone')} error={errors.phone}>
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
            </fieldset>
            {failure && <ErrorNotice message={failure} />}
            <button type="submit" className="r-button r-button-wide" disabled={sending}>
              {sending ? t('common.sending') : t('letter.submit')}
            </button>
          </form>
          <section className="r-card" aria-labelledby="letter-track-heading">
            <h2 id="letter-track-heading">{t('letter.trackTitle')}</h2>
            <p>{t('letter.trackIntro')}</p>
            <CodeForm
              id="letter-track-code"
              label={t('letter.code')}
              submitLabel={t('letter.go')}
              onCode={(c) => navigate(`/mailbox/${c}`)}
            />
          </section>
        </>
      )}
    </div>
  );
}
