import { useState } from 'react';
import { App, Button, Card, Descriptions, Spin, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import { useAbilities } from '../../app/abilities.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { lettersApi, type LetterAbility, type LetterDetail } from './api.ts';
import { eventLabel, statusLabel, typeLabel, verdictLabel, type LetterStatus } from './labels.ts';
import { LetterActionModal } from './LetterActionModal.tsx';
import { LetterTags } from './LetterTags.tsx';
import './mailbox.css';
import { formatDateTime } from '../../lib/dates.ts';

/** The writer, masked; the full name and phone on request where the role may see them (the read is audited). */
function Writer({ letter }: { letter: LetterDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mayReveal = useAbilities().may('readPersonal', 'letter');
  const [contact, setContact] = useState<{ writerName: string | null; writerPhone: string | null } | null>(null);
  const anonymous = letter.writerName === null && !letter.hasPhone;
  if (anonymous) return <span>{t('mailbox.detail.anonymous')}</span>;
  const shown = contact ?? { writerName: letter.writerName, writerPhone: letter.writerPhone };
  return (
    <span data-testid="letter-writer">
      {shown.writerName ?? t('mailbox.detail.anonymous')}
      {shown.writerPhone && ` · ${shown.writerPhone}`}
      {mayReveal && !contact && (
        <Button
          size="small"
          type="link"
          title={t('mailbox.detail.revealNote')}
          onClick={() =>
            lettersApi.contact(letter.id).then(setContact, (err: unknown) => void message.error(errorMessage(err)))
          }
        >
          {t('mailbox.detail.reveal')}
        </Button>
      )}
    </span>
  );
}

/** One letter: its facts, text and photos, what the viewer may do now, and its history. */
export default function LetterDetailPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const loaded = useLoad((signal) => lettersApi.get(id, signal), `letter:${id}`);
  const [updated, setUpdated] = useState<LetterDetail | null>(null);
  const [acting, setActing] = useState<LetterAbility | null>(null);
  const letter = updated && updated.id === id ? updated : loaded.data;
  usePageTitle(letter ? t('mailbox.detail.heading', { code: letter.trackingCode }) : t('mailbox.list.heading'));

  if (loaded.error && !letter) return <LoadError message={loaded.error} onRetry={loaded.reload} />;
  if (!letter) return <Spin description={t('common.loading')} />;
  const day = (d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(locale) : '—');

  return (
    <>
      <p>
        <Link to="/letters">{t('mailbox.detail.back')}</Link>
      </p>
      <h1 className="hm-page-title">
        {t('mailbox.detail.heading', { code: letter.trackingCode })} <LetterTags letter={letter} />
      </h1>
      <div className="hm-letter-grid">
        <div>
          <Card size="small" title={<h2 className="hm-card-title">{t('mailbox.detail.facts')}</h2>}>
            {/* antd's label grey (45 % black) is below 4.5:1 on white; 70 % is above 7:1. */}
            <Descriptions column={{ xs: 1, md: 2 }} size="small" styles={{ label: { color: 'rgba(0, 0, 0, 0.7)' } }}>
              <Descriptions.Item label={t('mailbox.col.type')}>{typeLabel(t, letter.type)}</Descriptions.Item>
              {letter.studio && (
                <Descriptions.Item label={t('mailbox.detail.studio')}>{letter.studio.name}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('mailbox.detail.unit')}>{letter.unit.name}</Descriptions.Item>
              <Descriptions.Item label={t('mailbox.detail.street')}>{letter.street.name}</Descriptions.Item>
              <Descriptions.Item label={t('mailbox.detail.writer')}>
                <Writer letter={letter} />
              </Descriptions.Item>
              <Descriptions.Item label={t('mailbox.col.handler')}>
                <span data-testid="letter-handler">{letter.handler?.name ?? t('common.none')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('mailbox.detail.received')}>{day(letter.receivedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('mailbox.detail.ackDue')}>{day(letter.ackDue)}</Descriptions.Item>
              <Descriptions.Item label={t('mailbox.detail.replyDue')}>{day(letter.replyDue)}</Descriptions.Item>
              {letter.ratingDue && (
                <Descriptions.Item label={t('mailbox.detail.ratingDue')}>{day(letter.ratingDue)}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('mailbox.detail.round')}>{letter.round}</Descriptions.Item>
              {letter.extension && (
                <Descriptions.Item label={t('mailbox.detail.extension')}>
                  {t('mailbox.detail.extensionValue', letter.extension)}
                </Descriptions.Item>
              )}
              {letter.firstVerdict && (
                <Descriptions.Item label={t('mailbox.detail.firstVerdict')}>
                  {verdictLabel(t, letter.firstVerdict)}
                </Descriptions.Item>
              )}
              {letter.status === 'closed' && !letter.forwarded && (
                <Descriptions.Item label={t('mailbox.detail.verdict')}>
                  <span data-testid="letter-verdict">{verdictLabel(t, letter.verdict)}</span>
                </Descriptions.Item>
              )}
              {letter.ruling && (
                <Descriptions.Item label={t('mailbox.detail.ruling')}>
                  <span data-testid="letter-ruling">
                    {t(`mailbox.finding.${letter.ruling.finding}`)}：{letter.ruling.reason}
                  </span>
                </Descriptions.Item>
              )}
              {letter.forwarded && (
                <Descriptions.Item label={t('mailbox.closure.forwarded')}>
                  {t('mailbox.detail.forwarded', { to: letter.forwarded.to, date: day(letter.forwarded.on) })}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={<h2 className="hm-card-title">{t('mailbox.detail.text')}</h2>}>
            <p className="hm-letter-text" data-testid="letter-text">
              {letter.text}
            </p>
            {letter.photos.length > 0 && (
              <ul className="hm-letter-photos" aria-label={t('mailbox.detail.photos')}>
                {letter.photos.map((p, i) => (
                  <li key={p.id}>
                    <a href={lettersApi.photoUrl(letter.id, p.id)} target="_blank" rel="noopener">
                      <img
                        src={lettersApi.photoUrl(letter.id, p.id)}
                        alt={t('mailbox.detail.photoAlt', { n: i + 1 })}
                        width={160}
                        height={160}
                        loading="lazy"
                      />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div>
          <Card size="small" title={<h2 className="hm-card-title">{t('mailbox.detail.actions')}</h2>}>
            {letter.allowedActions.length === 0 ? (
              <p className="hm-muted">{t('mailbox.detail.noActions')}</p>
            ) : (
              <div className="hm-letter-actions" data-testid="letter-actions">
                {letter.allowedActions.map((a) => (
                  <Button key={a} type={a === 'extend' ? 'default' : 'primary'} onClick={() => setActing(a)}>
                    {t(`mailbox.action.${a}`)}
                  </Button>
                ))}
              </div>
            )}
          </Card>
          <Card size="small" title={<h2 className="hm-card-title">{t('mailbox.detail.history')}</h2>}>
            <div data-testid="letter-history">
              <Timeline
                items={letter.timeline.map((e, i) => ({
                  key: i,
                  content: (
                    <div>
                      <strong>{eventLabel(t, e.action)}</strong>
                      <span> → {statusLabel(t, e.toStatus as LetterStatus)}</span>
                      <div className="hm-muted">
                        {formatDateTime(e.at, locale)}
                        {e.actorName ? ` · ${e.actorName}` : ''}
                      </div>
                      {e.note && <div className="hm-letter-text">{e.note}</div>}
                    </div>
                  ),
                }))}
              />
            </div>
          </Card>
        </div>
      </div>
      {acting && (
        <LetterActionModal
          letter={letter}
          action={acting}
          onClose={() => setActing(null)}
          onDone={(next) => {
            const done = t(`mailbox.action.${acting}`);
            setActing(null);
            setUpdated(next);
            void message.success(t('mailbox.action.done', { action: done }));
          }}
        />
      )}
    </>
  );
}
