import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { nearestResult } from '../../../contract/delivery.ts';
import { api } from '../api.ts';
import { CategorySelect, categoryNames } from '../components/CategorySelect.tsx';
import { Field } from '../components/Field.tsx';
import { NearbyMap } from '../components/NearbyMap.tsx';
import { ErrorNotice, Loading, StatusNotice } from '../components/Notice.tsx';
import { UnitPicker, unitFromQuery, type UnitChoice } from '../components/UnitPicker.tsx';
import { locate, type Position } from '../geolocation.ts';
import { useCategories, useDistance, useLoad, useTitle } from '../hooks.ts';
import { useT, type ResidentKey } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { askPath } from './StudioPage.tsx';

type Nearest = z.infer<typeof nearestResult>;

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** /find — the nearest serving studios for a category, from the phone's position or a community. */
export function FindPage({ search }: { search: URLSearchParams }) {
  const { t, locale } = useT();
  useTitle(t('find.title'));
  const categories = useCategories();
  const distance = useDistance();
  const [categoryId, setCategoryId] = useState<number | null>(() => positiveInt(search.get('categoryId')));
  const [unit, setUnit] = useState<UnitChoice | null>(() => unitFromQuery(search));
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<ResidentKey | null>(null);

  // Keep the choice in the address, so reloading or sharing the link shows the same list.
  useEffect(() => {
    const q = new URLSearchParams();
    if (categoryId) q.set('categoryId', String(categoryId));
    if (unit) {
      q.set('unitId', String(unit.id));
      q.set('unitName', unit.name);
    }
    const qs = q.toString();
    window.history.replaceState(null, '', qs ? `/find?${qs}` : '/find');
  }, [categoryId, unit]);

  const origin = position
    ? { lng: position.lng, lat: position.lat, datum: 'wgs84' }
    : unit
      ? { unitId: unit.id }
      : null;
  const key = origin ? `nearest:${categoryId ?? ''}:${JSON.stringify(origin)}` : '';
  const nearest = useLoad(
    (signal) => api.get<Nearest>('/api/public/nearest', { ...origin, categoryId, limit: 10 }, signal),
    key,
  );

  const locateMe = async () => {
    setLocating(true);
    setGeoError(null);
    try {
      setPosition(await locate());
      // The position now decides; a community left on screen would say otherwise.
      setUnit(null);
    } catch (err) {
      setGeoError(err as ResidentKey);
    } finally {
      setLocating(false);
    }
  };

  const studios = nearest.data?.studios ?? [];
  return (
    <div className="r-stack">
      <h1>{t('find.title')}</h1>
      <div className="r-card r-form">
        <Field id="find-category" label={t('category.label')}>
          {(a11y) => (
            <CategorySelect
              {...a11y}
              categories={categories.data ?? []}
              value={categoryId}
              onChange={setCategoryId}
              emptyLabel={t('category.all')}
            />
          )}
        </Field>
        <fieldset className="r-where">
          <legend>{t('find.where')}</legend>
          <div className="r-actions">
            <button
              type="button"
              className="r-button r-button-secondary"
              onClick={() => void locateMe()}
              disabled={locating}
              aria-pressed={position !== null}
            >
              <span aria-hidden="true">◎</span>
              {locating ? t('find.locating') : t('find.useLocation')}
            </button>
          </div>
          <div aria-live="polite">
            {position && <p className="r-hint">{t('find.myLocation')}</p>}
            {geoError && <p className="r-error-text">{t(geoError)}</p>}
          </div>
          <p className="r-or">{t('find.orCommunity')}</p>
          <UnitPicker
            id="find-unit"
            value={unit}
            onChange={(u) => {
              setUnit(u);
              if (u) setPosition(null);
            }}
          />
        </fieldset>
      </div>

      {!origin && <p className="r-hint">{t('find.chooseWhere')}</p>}
      {nearest.loading && <Loading />}
      {nearest.error && (
        <ErrorNotice message={nearest.error} onRetry={nearest.retryable ? nearest.reload : undefined} />
      )}
      {origin && !nearest.loading && nearest.data && (
        <section aria-labelledby="find-results" className="r-stack" data-testid="find-results">
          <h2 id="find-results">
            {t('find.results')} <span className="r-count">{t('find.count', { n: studios.length })}</span>
          </h2>
          {studios.length === 0 ? (
            <StatusNotice>{t('find.none')}</StatusNotice>
          ) : (
            <>
              <NearbyMap origin={nearest.data.origin} studios={studios} formatDistance={distance} />
              <ol className="r-results">
                {studios.map((s, i) => (
                  <li key={s.id} className="r-result" data-testid="find-result">
                    <span className="r-result-num" aria-hidden="true">
                      {i + 1}
                    </span>
                    <div className="r-result-body">
                      <h3>
                        <Link to={`/s/${s.id}`}>{s.name}</Link>
                      </h3>
                      <p className="r-result-dist">{t('find.distance', { d: distance(s.distanceM) })}</p>
                      <p className="r-hint">
                        {s.unitName} · {categoryNames(categories.data, s.categoryIds, locale).join('、')}
                      </p>
                      <p className="r-hint">{s.openingHours}</p>
                    </div>
                    <Link
                      to={askPath(categoryId ?? s.categoryIds[0], unit)}
                      className="r-button r-button-small"
                      aria-label={`${t('find.ask')}: ${s.name}`}
                    >
                      {t('find.ask')}
                    </Link>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </div>
  );
}
