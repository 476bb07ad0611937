import { useState } from 'react';
import { Radio } from 'antd';
import { readStored, writeStored } from '../../app/storage.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { TileSource } from './api.ts';

/** Which base the map draws: the configured tiles, or none (the outline and points only). */
export type BaseLayer = 'tiles' | 'plain';

const STORAGE_KEY = 'hm.map.base';

/** The base layer chosen on this device (remembered across visits), and a way to change it. */
export function useBaseLayer(): [BaseLayer, (base: BaseLayer) => void] {
  const [base, setBase] = useState<BaseLayer>(() => (readStored(STORAGE_KEY) === 'plain' ? 'plain' : 'tiles'));
  return [
    base,
    (next) => {
      writeStored(STORAGE_KEY, next);
      setBase(next);
    },
  ];
}

/** The tile source the map draws for a choice: none when plain is chosen. */
export function shownTiles(tiles: TileSource | undefined, base: BaseLayer): TileSource | undefined {
  return tiles && base === 'plain' ? { kind: 'none' } : tiles;
}

/**
 * The base-layer choice on the map itself: the district's configured tiles or a plain map.
 * Shown only when tiles are configured (with none, plain is the only base there is).
 */
export function BaseLayerSwitch({
  tiles,
  value,
  onChange,
}: {
  tiles: TileSource | undefined;
  value: BaseLayer;
  onChange(base: BaseLayer): void;
}) {
  const { t } = useI18n();
  if (!tiles || tiles.kind === 'none') return null;
  return (
    <div className="hm-map-base">
      <Radio.Group
        aria-label={t('siting.base.label')}
        size="small"
        optionType="button"
        buttonStyle="solid"
        value={value}
        onChange={(e) => onChange(e.target.value as BaseLayer)}
        options={[
          { value: 'tiles', label: t(`siting.settings.kind.${tiles.kind}`) },
          { value: 'plain', label: t('siting.base.plain') },
        ]}
      />
    </div>
  );
}
