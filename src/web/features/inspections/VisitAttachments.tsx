import { useRef, useState } from 'react';
import { App, Button, Checkbox } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { MAX_PHOTOS } from '../../../contract/inspections.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { InspectionReport } from './api.ts';
import { shrinkPhoto } from './photo-resize.ts';

interface PhotosProps {
  photos: string[];
  onChange(update: (photos: string[]) => string[]): void;
  /** A correction's photos, when added, replace the earlier ones: the form says so. */
  isCorrection: boolean;
}

/** Up to six photos of the visit, shrunk on the phone before they are kept or sent. */
export function VisitPhotos({ photos, onChange, isCorrection }: PhotosProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const fileInput = useRef<HTMLInputElement>(null);

  const addPhotos = async (files: FileList | null) => {
    if (!files) return;
    const room = MAX_PHOTOS - photos.length;
    const added: string[] = [];
    for (const file of [...files].slice(0, room)) {
      try {
        added.push(await shrinkPhoto(file));
      } catch {
        void message.error(t('inspections.form.photoFailed'));
      }
    }
    onChange((p) => [...p, ...added].slice(0, MAX_PHOTOS));
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section className="hm-insp-section" aria-labelledby="visit-photos-title">
      <h2 id="visit-photos-title" className="hm-card-title">
        {t('inspections.form.photos', { max: MAX_PHOTOS })}
      </h2>
      {isCorrection && <p className="hm-muted">{t('inspections.form.correctPhotos')}</p>}
      <div className="hm-insp-photos" data-testid="visit-photos" data-count={photos.length}>
        {photos.map((src, i) => (
          <figure key={i} className="hm-insp-photo">
            <img src={src} alt={t('inspections.form.photoAlt', { n: i + 1 })} />
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('inspections.form.removePhoto', { n: i + 1 })}
              onClick={() => onChange((p) => p.filter((_, k) => k !== i))}
            />
          </figure>
        ))}
      </div>
      {photos.length < MAX_PHOTOS && (
        <label className="hm-insp-photo-pick">
          <CameraOutlined aria-hidden /> {t('inspections.form.addPhoto')}
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            multiple
            className="hm-visually-hidden"
            onChange={(e) => void addPhotos(e.target.files)}
          />
        </label>
      )}
    </section>
  );
}

interface PositionProps {
  position: InspectionReport['position'];
  onChange(position: InspectionReport['position']): void;
}

/** The position of the visit, recorded only when the supervisor ticks the box (never required). */
export function VisitPosition({ position, onChange }: PositionProps) {
  const { t } = useI18n();
  const [positionState, setPositionState] = useState<'off' | 'asking' | 'ok' | 'failed'>(position ? 'ok' : 'off');

  const askPosition = (wanted: boolean) => {
    if (!wanted) {
      onChange(null);
      setPositionState('off');
      return;
    }
    if (!('geolocation' in navigator)) {
      setPositionState('failed');
      return;
    }
    setPositionState('asking');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        onChange({ lng: p.coords.longitude, lat: p.coords.latitude, datum: 'wgs84' });
        setPositionState('ok');
      },
      () => setPositionState('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="hm-insp-section">
      <Checkbox
        checked={positionState === 'ok' || positionState === 'asking'}
        onChange={(e) => askPosition(e.target.checked)}
      >
        {t('inspections.form.position')}
      </Checkbox>
      {positionState === 'ok' && (
        <span className="hm-muted" role="status">
          {' '}
          {t('inspections.form.positionOk')}
        </span>
      )}
      {positionState === 'failed' && (
        <span className="hm-muted" role="status">
          {' '}
          {t('inspections.form.positionFailed')}
        </span>
      )}
    </div>
  );
}
