import { useI18n } from '../../lib/i18n/react.tsx';
import type { ImportStatus } from './api.ts';

/**
 * What a dry run of an exported file would change: the records it updates and in which
 * columns, how many rows change nothing, and remarks such as a masked phone kept as it is.
 */
export function ImportChanges({ status }: { status: ImportStatus }) {
  const { t, locale } = useI18n();
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  if (status.updates.length === 0 && status.unchangedRows === 0 && status.notices.length === 0) return null;
  return (
    <section className="hm-import-changes" aria-labelledby="import-updates-title" data-testid="import-changes">
      <h3 id="import-updates-title" className="hm-card-title">
        {t('registry.import.updates', { count: status.updates.length })}
      </h3>
      {status.unchangedRows > 0 && (
        <p className="hm-muted">{t('registry.import.unchanged', { count: status.unchangedRows })}</p>
      )}
      {status.updates.length > 0 && (
        <ul>
          {status.updates.map((u) => (
            <li key={u.row}>
              {t('registry.import.updateLine', { row: u.row, name: u.name, columns: list.format(u.columns) })}
            </li>
          ))}
        </ul>
      )}
      {status.notices.length > 0 && (
        <>
          <h3 className="hm-card-title">{t('registry.import.notices')}</h3>
          <ul>
            {status.notices.map((n) => (
              <li key={`${n.row}|${n.columnHeader}`}>
                {t('registry.import.noticeLine', { row: n.row, column: n.columnHeader, message: n.message })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
