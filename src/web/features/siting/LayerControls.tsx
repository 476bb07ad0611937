import { Checkbox, Select } from 'antd';
import { venueTypes } from '../../../domain/siting/coverage.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Categories } from '../categories/use-categories.ts';
import type { VenueType } from './api.ts';
import { venueTypeColor } from './layers.ts';

export type LayerName = 'units' | 'areas' | 'studios' | 'venues';
export const layerNames: readonly LayerName[] = ['units', 'areas', 'studios', 'venues'];

export interface LayerChoice {
  shown: ReadonlySet<LayerName>;
  venueTypes: ReadonlySet<VenueType>;
  /** Only studios serving this category; undefined for all. */
  studioCategory: number | undefined;
}

interface Props {
  value: LayerChoice;
  onChange(next: LayerChoice): void;
  categories: Categories;
  counts: Record<LayerName, number>;
}

/** Which layers the map draws: each a real checkbox with a visible label, and a swatch for the venue types. */
export function LayerControls({ value, onChange, categories, counts }: Props) {
  const { t, locale } = useI18n();
  const toggle = <T,>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(item);
    else next.delete(item);
    return next;
  };

  return (
    <fieldset className="hm-layers">
      <legend className="hm-card-title">{t('siting.layers.heading')}</legend>
      {layerNames.map((name) => (
        <div key={name}>
          <Checkbox
            checked={value.shown.has(name)}
            onChange={(e) => onChange({ ...value, shown: toggle(value.shown, name, e.target.checked) })}
          >
            <span className={`hm-swatch hm-swatch-${name}`} aria-hidden /> {t(`siting.layers.${name}`)}{' '}
            <span className="hm-muted">({counts[name]})</span>
          </Checkbox>
          {name === 'studios' && value.shown.has('studios') && (
            <div className="hm-layer-sub">
              <label htmlFor="studio-category" className="hm-visually-hidden">
                {t('siting.layers.studioCategory')}
              </label>
              <Select<number>
                id="studio-category"
                size="small"
                allowClear
                value={value.studioCategory}
                onChange={(v) => onChange({ ...value, studioCategory: v })}
                placeholder={t('siting.layers.allCategories')}
                style={{ minWidth: 160 }}
                virtual={false}
                options={categories.all.map((c) => ({ value: c.id, label: c.name[locale] }))}
              />
            </div>
          )}
          {name === 'venues' && value.shown.has('venues') && (
            <div className="hm-layer-sub" role="group" aria-label={t('siting.layers.venueTypes')}>
              {venueTypes.map((type) => (
                <Checkbox
                  key={type}
                  checked={value.venueTypes.has(type)}
                  onChange={(e) => onChange({ ...value, venueTypes: toggle(value.venueTypes, type, e.target.checked) })}
                >
                  <span className="hm-swatch" style={{ background: venueTypeColor[type] }} aria-hidden />{' '}
                  {t(`siting.venueType.${type}`)}
                </Checkbox>
              ))}
            </div>
          )}
        </div>
      ))}
    </fieldset>
  );
}
