import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Input, InputNumber, Space } from 'antd';
import { renderText, textRuns } from '../../../domain/statistics/bulletin.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { downloadFile } from '../registry/files.ts';
import { bulletinsApi, type Bulletin, type BulletinEdit } from './api.ts';
import './statistics.css';

type Draft = Omit<BulletinEdit, 'version'>;

const draftOf = (b: Bulletin): Draft => ({
  title: b.content.title,
  subtitle: b.content.subtitle,
  opening: b.content.opening,
  sections: b.content.sections.map((s) => ({ lead: s.lead, paragraphs: [...s.paragraphs] })),
  tail: { ...b.content.tail },
});

/** A text with its figures as numbers, each showing the query behind it on hover. */
function Figures({ text, bulletin }: { text: string; bulletin: Bulletin }) {
  return (
    <>
      {textRuns(text).map((run, i) => {
        const fig = run.figure ? bulletin.content.figures[run.figure] : undefined;
        return fig ? (
          <span key={i} className="figure" title={`${fig.label}：${fig.source}`}>
            {String(fig.value)}
          </span>
        ) : (
          <span key={i}>{run.text}</span>
        );
      })}
    </>
  );
}

/** One bulletin: its text to edit (each save a version), a preview, Word and the print view. */
export default function BulletinPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const { data, error, reload } = useLoad((signal) => bulletinsApi.get(id, signal), String(id));
  const [bulletin, setBulletin] = useState<Bulletin | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [downloading, setDownloading] = useState<'docx' | 'pdf' | null>(null);
  useEffect(() => {
    if (data) {
      setBulletin(data);
      setDraft(draftOf(data));
    }
  }, [data]);
  const b = bulletin;
  usePageTitle(b ? renderText(b.content.title, b.content.figures) : t('bulletin.heading'));
  if (error) return <LoadError message={error} onRetry={reload} />;
  if (!b || !draft) return <p aria-busy="true">{t('common.loading')}</p>;
  const mayEdit = b.allowedActions.includes('update');

  const save = async () => {
    setSaving(true);
    try {
      const next = await bulletinsApi.edit(b.id, { ...draft, version: b.version });
      setBulletin(next);
      setDraft(draftOf(next));
      setNotice({ type: 'success', text: t('bulletin.saved', { version: next.version }) });
    } catch (err) {
      setNotice({ type: 'error', text: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };
  const setParagraph = (si: number, pi: number, text: string) =>
    setDraft({
      ...draft,
      sections: draft.sections.map((s, i) =>
        i === si ? { ...s, paragraphs: s.paragraphs.map((p, j) => (j === pi ? text : p)) } : s,
      ),
    });

  return (
    <>
      <p>
        <Link to="/bulletins">{t('bulletin.back')}</Link>
      </p>
      <h1 className="hm-page-title">
        {b.unitName} {t('bulletin.number', { year: b.year, number: b.number })}
      </h1>
      <p className="hm-muted">
        {t('bulletin.periodOf', { from: b.period.from, to: b.period.to })} ·{' '}
        {t('bulletin.version', { version: b.version })}
      </p>
      <Space wrap>
        {(['docx', 'pdf'] as const).map((kind) => (
          <Button
            key={kind}
            loading={downloading === kind}
            onClick={() => {
              setDownloading(kind);
              void downloadFile(`/api/bulletins/${b.id}/export.${kind}`, {}, `bulletin.${kind}`, locale)
                .catch((err: unknown) => setNotice({ type: 'error', text: errorMessage(err) }))
                .finally(() => setDownloading(null));
            }}
          >
            {t(`bulletin.${kind}`)}
          </Button>
        ))}
        <a href={`/api/bulletins/${b.id}/print`} target="_blank" rel="noreferrer">
          {t('bulletin.print')}
        </a>
      </Space>
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          role={notice.type === 'error' ? 'alert' : 'status'}
          title={notice.text}
          closable={{ onClose: () => setNotice(null) }}
        />
      )}
      {mayEdit && (
        <form
          className="hm-bulletin-editor"
          aria-label={t('bulletin.save')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p className="hm-muted">{t('bulletin.edit.hint')}</p>
          <div className="hm-field">
            <label htmlFor="bulletin-title">{t('bulletin.edit.title')}</label>
            <Input
              id="bulletin-title"
              value={draft.title}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            />
          </div>
          <div className="hm-field">
            <label htmlFor="bulletin-subtitle">{t('bulletin.edit.subtitle')}</label>
            <Input
              id="bulletin-subtitle"
              value={draft.subtitle}
              onChange={(e) => setDraft({ ...draft, subtitle: e.target.value })}
            />
          </div>
          <div className="hm-field">
            <label htmlFor="bulletin-opening">{t('bulletin.edit.opening')}</label>
            <Input.TextArea
              id="bulletin-opening"
              autoSize
              value={draft.opening}
              onChange={(e) => setDraft({ ...draft, opening: e.target.value })}
            />
          </div>
          {draft.sections.map((s, si) =>
            s.paragraphs.map((p, pi) => (
              <div className="hm-field" key={`${si}-${pi}`}>
                <label htmlFor={`bulletin-p-${si}-${pi}`}>
                  {t('bulletin.edit.paragraph', { lead: s.lead, n: pi + 1 })}
                </label>
                <Input.TextArea
                  id={`bulletin-p-${si}-${pi}`}
                  autoSize
                  value={p}
                  onChange={(e) => setParagraph(si, pi, e.target.value)}
                />
              </div>
            )),
          )}
          <fieldset>
            <legend>{t('bulletin.edit.tail')}</legend>
            {(['report', 'send', 'distribute'] as const).map((k) => (
              <div className="hm-field" key={k}>
                <label htmlFor={`bulletin-tail-${k}`}>{t(`bulletin.edit.${k}`)}</label>
                <Input
                  id={`bulletin-tail-${k}`}
                  value={draft.tail[k]}
                  onChange={(e) => setDraft({ ...draft, tail: { ...draft.tail, [k]: e.target.value } })}
                />
              </div>
            ))}
            <div className="hm-field">
              <label htmlFor="bulletin-tail-copies">{t('bulletin.edit.copies')}</label>
              <InputNumber
                id="bulletin-tail-copies"
                min={1}
                value={draft.tail.copies}
                onChange={(v) => setDraft({ ...draft, tail: { ...draft.tail, copies: v ?? 1 } })}
              />
            </div>
          </fieldset>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('bulletin.save')}
          </Button>
        </form>
      )}
      <section aria-labelledby="bulletin-preview" className="hm-bulletin-preview" data-testid="bulletin-preview">
        <h2 id="bulletin-preview">{t('bulletin.preview')}</h2>
        <h3>
          <Figures text={b.content.title} bulletin={b} />
        </h3>
        <p>
          <Figures text={b.content.subtitle} bulletin={b} />
        </p>
        <p>
          <Figures text={b.content.opening} bulletin={b} />
        </p>
        {b.content.sections.map((s, si) =>
          s.paragraphs.map((p, pi) => (
            <p key={`${si}-${pi}`}>
              {pi === 0 && <strong>{s.lead}</strong>}
              <Figures text={p} bulletin={b} />
            </p>
          )),
        )}
      </section>
    </>
  );
}
