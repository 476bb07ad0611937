import { useSearchParams } from 'react-router';
import { useLoad } from '../../lib/use-load.ts';
import { orgApi, type OrgUnit } from './api.ts';

/**
 * The unit a list was opened for (`?under=` in the address, as a unit's page links to it),
 * with its name once loaded, and a way to drop it.
 */
export function useAddressUnit(): { under: number | undefined; unit: OrgUnit | undefined; clear(): void } {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('under'));
  const under = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const { data } = useLoad(
    (signal) => (under === undefined ? Promise.resolve(undefined) : orgApi.get(under, signal)),
    `address-unit|${under ?? ''}`,
  );
  return {
    under,
    unit: data?.id === under ? data : undefined,
    clear: () =>
      setParams((p) => {
        p.delete('under');
        return p;
      }),
  };
}

/** A unit's trail as one line: 西城街道 › 西兴社区 (its scope's own unit left out, as it is the reader's). */
export function trailOf(unit: Pick<OrgUnit, 'ancestors' | 'shortName'>): string {
  return [...unit.ancestors.slice(1).map((a) => a.shortName), unit.shortName].join(' › ');
}
