import { useState } from 'react';
import { useT } from '../i18n/index.tsx';
import { preparePhoto } from '../photos.ts';

/** Up to `max` photos, scaled on the phone, shown as thumbnails each with its own remove button. */
export function PhotoPicker({
  id,
  photos,
  max,
  onChange,
}: {
  id: string;
  photos: string[];
  max: number;
  onChange(photos: string[]): void;
}) {
  const { t } = useT();
  const [preparing, setPreparing] = useState(false);
  const [failed, setFailed] = useState(false);

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setPreparing(true);
    setFailed(false);
    const next = [...photos];
    for (const file of [...files].slice(0, max - photos.length)) {
      try {
        next.push(await preparePhoto(file));
      } catch {
        setFailed(true);
      }
    }
    onChange(next);
    setPreparing(false);
  };

  return (
    <div className="r-field">
      <label htmlFor={id}>
        {t('letter.photos')}
        <span className="r-field-mark">{t('common.optional')}</span>
      </label>
      {photos.length > 0 && (
        <ul className="r-photos">
          {photos.map((src, i) => (
            <li key={`${i}:${src.length}`}>
              <img src={src} alt={t('letter.photoAlt', { n: i + 1 })} />
              <button
                type="button"
                className="r-button r-button-secondary r-button-small"
                onClick={() => onChange(photos.filter((_, j) => j !== i))}
              >
                {t('letter.photoRemove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {photos.length < max && (
        <input
          id={id}
          type="file"
          accept="image/*"
          multiple
          className="r-input r-file"
          aria-describedby={`${id}-hint`}
          disabled={preparing}
          onChange={(e) => {
            void add(e.target.files);
            e.target.value = '';
          }}
        />
      )}
      <p id={`${id}-hint`} className="r-hint">
        {t('letter.photosHint')} {t('letter.photoCount', { n: photos.length })}
      </p>
      <div aria-live="polite">
        {preparing && <p className="r-hint">{t('letter.photoPreparing')}</p>}
        {failed && <p className="r-error-text">{t('letter.photoFailed')}</p>}
      </div>
    </div>
  );
}
