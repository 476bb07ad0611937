import { useCallback, useEffect, useMemo, useState } from 'react';
import * as L from 'leaflet';
import { App, Button, Card, Col, Row, Spin, Tag } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useAbilities } from '../../app/abilities.ts';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { venueTypes } from '../../../domain/siting/coverage.ts';
import { useCategories } from '../categories/use-categories.ts';
import { sitingApi, type Coverage, type MapSettings } from './api.ts';
import { BaseLayerSwitch, shownTiles, useBaseLayer } from './BaseLayerSwitch.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { datumOf, toDisplay } from './datum.ts';
import { LayerControls, type LayerChoice } from './LayerControls.tsx';
import { areasLayer, coverageLayer, located, outlineLayer, studiosLayer, unitsLayer, venuesLayer } from './layers.ts';
import { LeafletMap } from './LeafletMap.tsx';
import { MapSettingsModal } from './MapSettingsModal.tsx';
import { tileLayerOf } from './tiles.ts';
import { useMapLayer } from './use-map-layer.ts';
import './siting.css';

/** 地图与选点 (找准点): the district on a map, and where the next studio of a category should go. */
export default function MapPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { may } = useAbilities();
  const { message } = App.useApp();
  usePageTitle(t('siting.heading'));
  const categories = useCategories();
  const [map, setMap] = useState<L.Map | null>(null);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const settings = useLoad((signal) => sitingApi.settings(signal), `settings|${settingsVersion}`);
  const outline = useLoad((signal) => sitingApi.outline(signal), 'outline');
  const layers = useLoad((signal) => sitingApi.layers(signal), 'layers');
  const [choice, setChoice] = useState<LayerChoice>({
    shown: new Set(['units', 'areas', 'studios']),
    venueTypes: new Set(venueTypes),
    studioCategory: undefined,
  });
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [coverageBusy, setCoverageBusy] = useState(false);
  const [coverageError, setCoverageError] = useState<string | null>(null);
  const [editingSettings, setEditingSettings] = useState(false);

  const [base, setBase] = useBaseLayer();
  const tiles = shownTiles(settings.data?.tiles, base);
  const datum = tiles ? datumOf(tiles) : 'gcj02';
  const data = layers.data;
  // While a coverage answer shows, the plain area layer would hide its red markers.
  const showAreas = choice.shown.has('areas') && !coverage;
  const colorOf = useCallback((id: number) => categories.byId.get(id)?.color ?? '#9b1c1c', [categories.byId]);

  // Below the district, frame the account's own points rather than the whole district.
  const ownUnitOnly = me.unit.level !== 'district';
  useMapLayer(map, () => (tiles ? tileLayerOf(tiles) : null), `tiles|${JSON.stringify(tiles ?? null)}`);
  useMapLayer(
    map,
    () => {
      if (!outline.data || !map) return null;
      const layer = outlineLayer(outline.data, datum);
      if (!ownUnitOnly) map.fitBounds(layer.getBounds(), { padding: [12, 12] });
      return layer;
    },
    `outline|${outline.data ? 1 : 0}|${datum}|${ownUnitOnly}`,
  );
  useEffect(() => {
    if (!map || !data || !ownUnitOnly) return;
    const points = [...data.units, ...data.areas, ...data.venues, ...data.studios]
      .filter(located)
      .map((p) => toDisplay(p.lng, p.lat, datum));
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
  }, [map, data, ownUnitOnly, datum]);
  useMapLayer(
    map,
    () => (data && showAreas ? areasLayer(data.areas, datum, t) : null),
    `areas|${data ? 1 : 0}|${showAreas}|${datum}|${locale}`,
  );
  useMapLayer(
    map,
    () => (data && choice.shown.has('venues') ? venuesLayer(data.venues, choice.venueTypes, datum, t) : null),
    `venues|${data ? 1 : 0}|${choice.shown.has('venues')}|${[...choice.venueTypes].join()}|${datum}|${locale}`,
  );
  useMapLayer(
    map,
    () => (data && choice.shown.has('units') ? unitsLayer(data.units, datum, t) : null),
    `units|${data ? 1 : 0}|${choice.shown.has('units')}|${datum}|${locale}`,
  );
  useMapLayer(
    map,
    () =>
      data && choice.shown.has('studios')
        ? studiosLayer(data.studios, choice.studioCategory, colorOf, categories.nameOf, datum, t)
        : null,
    `studios|${data ? 1 : 0}|${choice.shown.has('studios')}|${choice.studioCategory ?? ''}|${datum}|${categories.all.length}|${locale}`,
  );
  useMapLayer(
    map,
    () => (map && data && coverage ? coverageLayer(map, coverage, data.studios, datum, t) : null),
    `coverage|${data ? 1 : 0}|${coverage ? `${coverage.categoryId}/${coverage.radius}` : ''}|${datum}|${locale}`,
  );

  const counts = useMemo(
    () => ({
      units: data?.units.length ?? 0,
      areas: data?.areas.length ?? 0,
      studios:
        data?.studios.filter(
          (s) => choice.studioCategory === undefined || s.categoryIds.includes(choice.studioCategory),
        ).length ?? 0,
      venues: data?.venues.filter((v) => choice.venueTypes.has(v.type)).length ?? 0,
    }),
    [data, choice],
  );

  const runCoverage = async (categoryId: number, radius: number) => {
    setCoverageBusy(true);
    setCoverageError(null);
    try {
      setCoverage(await sitingApi.coverage({ categoryId, radius, picks: 5 }));
    } catch (err) {
      setCoverageError(errorMessage(err));
    } finally {
      setCoverageBusy(false);
    }
  };

  const focus = (lng: number, lat: number) => {
    map?.flyTo(toDisplay(lng, lat, datum), Math.max(map.getZoom(), 15), { duration: 0.6 });
    document.getElementById('siting-map-anchor')?.scrollIntoView({ block: 'nearest' });
  };

  const loadError = settings.error ?? outline.error ?? layers.error;
  return (
    <>
      <h1 className="hm-page-title">{t('siting.heading')}</h1>
      <div className="hm-toolbar">
        <span className="hm-muted" id="map-description">
          {t('siting.intro', { unit: me.unit.name })}
        </span>
        {tiles && (
          <Tag>
            {t('siting.tileSource', {
              source: t(`siting.settings.kind.${tiles.kind}`),
              datum: t(`siting.datum.${datum}`),
            })}
          </Tag>
        )}
        {may('update', 'mapSettings') && (
          <Button
            icon={<SettingOutlined aria-hidden />}
            onClick={() => setEditingSettings(true)}
            disabled={!settings.data}
          >
            {t('siting.settings.open')}
          </Button>
        )}
      </div>
      {loadError && (
        <LoadError
          message={loadError}
          onRetry={() => {
            settings.reload();
            outline.reload();
            layers.reload();
          }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <div id="siting-map-anchor" className="hm-map-frame">
            <LeafletMap label={t('siting.mapLabel')} describedBy="map-description" onReady={setMap} />
            <BaseLayerSwitch tiles={settings.data?.tiles} value={base} onChange={setBase} />
            {(layers.loading || outline.loading) && (
              <div className="hm-map-loading">
                <Spin description={t('common.loading')} />
              </div>
            )}
          </div>
          <MapLegend coverage={coverage !== null} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" className="hm-siting-panel">
            <CoveragePanel
              categories={categories}
              defaultRadius={settings.data?.coverageRadiusM ?? 1000}
              coverage={coverage}
              loading={coverageBusy}
              error={coverageError}
              onRun={(c, r) => void runCoverage(c, r)}
              onClear={() => setCoverage(null)}
              onFocus={focus}
            />
          </Card>
          <Card size="small" className="hm-siting-panel">
            <LayerControls value={choice} onChange={setChoice} categories={categories} counts={counts} />
          </Card>
        </Col>
      </Row>
      <MapSettingsModal
        open={editingSettings}
        settings={settings.data}
        onClose={() => setEditingSettings(false)}
        onSaved={(s: MapSettings) => {
          setEditingSettings(false);
          setSettingsVersion((v) => v + 1);
          void message.success(t('siting.settings.saved', { source: t(`siting.settings.kind.${s.tiles.kind}`) }));
        }}
      />
    </>
  );
}

/** What the colours and shapes mean, in words. */
function MapLegend({ coverage }: { coverage: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="hm-legend" aria-label={t('siting.legend')}>
      <li>
        <span className="hm-swatch hm-swatch-outline" aria-hidden /> {t('siting.legend.outline')}
      </li>
      <li>
        <span className="hm-swatch hm-swatch-units" aria-hidden /> {t('siting.layers.units')}
      </li>
      <li>
        <span className="hm-swatch hm-swatch-studios" aria-hidden /> {t('siting.layers.studios')}
      </li>
      {coverage ? (
        <>
          <li>
            <span className="hm-swatch hm-swatch-served" aria-hidden /> {t('siting.legend.served')}
          </li>
          <li>
            <span className="hm-swatch hm-swatch-uncovered" aria-hidden /> {t('siting.legend.uncovered')}
          </li>
          <li>
            <span className="hm-swatch hm-swatch-rec" aria-hidden /> {t('siting.legend.recommended')}
          </li>
        </>
      ) : (
        <li>
          <span className="hm-swatch hm-swatch-areas" aria-hidden /> {t('siting.layers.areas')}
        </li>
      )}
    </ul>
  );
}
