import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import type { bulletinBoard } from '../../../contract/public.ts';
import { api } from '../api.ts';
import { categoryNames } from '../components/CategorySelect.tsx';
import { ErrorNotice, Loading } from '../components/Notice.tsx';
import { useCategories, useDateFormat, useLoad, useTitle } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { CommitmentList } from './StudioPage.tsx';

type Board = z.infer<typeof bulletinBoard>;

/**
 * Opened with `?print=1` (the console's 打印公告栏): prints once the board and its QR codes are
 * there, so the sheet is not the loading state.
 */
function useAutoPrint(ready: boolean): void {
  const printed = useRef(false);
  useEffect(() => {
    if (!ready || printed.current || !new URLSearchParams(location.search).has('print')) return;
    printed.current = true;
    const images = [...document.querySelectorAll<HTMLImageElement>('.r-board img')];
    void Promise.all(images.map((img) => img.decode().catch(() => undefined))).then(() => window.print());
  }, [ready]);
}

/**
 * /board/:unitId — the community bulletin board (公告栏): every serving studio with its
 * commitments and QR code, laid out to print as an A4 poster (see the print rules in styles/board.css).
 */
export function BoardPage({ unitId }: { unitId: string }) {
  const { t, locale } = useT();
  const { date } = useDateFormat();
  const board = useLoad(
    (signal) => api.get<Board>(`/api/public/units/${encodeURIComponent(unitId)}/board`, undefined, signal),
    `board:${unitId}`,
  );
  const categories = useCategories();
  const title = board.data ? t('board.title', { unit: board.data.unit.name }) : '';
  useTitle(title);
  useAutoPrint(board.data !== undefined && board.data !== null && !categories.loading);

  if (board.loading) return <Loading />;
  if (board.error || !board.data)
    return <ErrorNotice message={board.error ?? ''} onRetry={board.retryable ? board.reload : undefined} />;
  const { unit, studios, generatedAt } = board.data;

  return (
    <article className="r-board">
      <header className="r-board-head">
        <h1>{title}</h1>
        {unit.parentName && <p className="r-board-sub">{t('board.subtitle', { parent: unit.parentName })}</p>}
        <div className="r-actions r-no-print">
          <button type="button" className="r-button" onClick={() => window.print()}>
            {t('board.print')}
          </button>
        </div>
      </header>
      {studios.length === 0 ? (
        <p className="r-lead">{t('board.empty')}</p>
      ) : (
        <ol className="r-board-list">
          {studios.map((s) => (
            <li key={s.id} className="r-board-studio" data-testid="board-studio">
              <div className="r-board-text">
                <h2>
                  <Link to={`/s/${s.id}`}>{s.name}</Link>
                </h2>
                <p className="r-board-meta">
                  {categoryNames(categories.data, s.categoryIds, locale).join('、')}
                  {s.plaqueNumber && ` · ${t('studio.plaque')} ${s.plaqueNumber}`}
                </p>
                <dl className="r-facts r-facts-compact">
                  <dt>{t('studio.items')}</dt>
                  <dd>{s.serviceItems.map((i) => i.title).join('、')}</dd>
                  <dt>{t('studio.hours')}</dt>
                  <dd>{s.openingHours}</dd>
                  <dt>{t('studio.venue')}</dt>
                  <dd>{s.venueAddress}</dd>
                  {s.contactPhone && (
                    <>
                      <dt>{t('studio.phone')}</dt>
                      <dd>{s.contactPhone}</dd>
                    </>
                  )}
                  <dt>{t('studio.members')}</dt>
                  <dd>{s.members.map((m) => m.name).join('、')}</dd>
                </dl>
                <h3>{t('studio.commitments')}</h3>
                <CommitmentList commitments={s.commitments} />
              </div>
              <figure className="r-board-qr">
                <img
                  src={`/api/public/studios/${s.id}/qr.svg`}
                  alt={t('studio.qrAlt', { name: s.name })}
                  width={112}
                  height={112}
                />
                <figcaption>{t('board.scan')}</figcaption>
              </figure>
            </li>
          ))}
        </ol>
      )}
      <footer className="r-board-foot">
        <p>{t('board.free')}</p>
        <p>{t('board.generated', { date: date(generatedAt) })}</p>
      </footer>
    </article>
  );
}
