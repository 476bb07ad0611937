import { useCallback, useMemo } from 'react';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { categoriesApi, type Category } from './api.ts';

/** The categories in display order, with a lookup of a name in the current language. */
export interface Categories {
  all: Category[];
  /** Only the enabled ones: what a person may pick for new data. */
  enabled: Category[];
  byId: ReadonlyMap<number, Category>;
  nameOf(id: number | null | undefined): string;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/** Loads the service categories once per page; every screen of issue 4 labels data with them. */
export function useCategories(): Categories {
  const { locale, t } = useI18n();
  const { data, error, loading, reload } = useLoad((signal) => categoriesApi.list(signal), 'categories');
  const all = useMemo(() => data ?? [], [data]);
  const byId = useMemo(() => new Map(all.map((c) => [c.id, c])), [all]);
  const enabled = useMemo(() => all.filter((c) => c.enabled), [all]);
  const nameOf = useCallback(
    (id: number | null | undefined) => {
      if (id === null || id === undefined) return t('categories.none');
      return byId.get(id)?.name[locale] ?? `#${id}`;
    },
    [byId, locale, t],
  );
  return { all, enabled, byId, nameOf, error, loading, reload };
}
