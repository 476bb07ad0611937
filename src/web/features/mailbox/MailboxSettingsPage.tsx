import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, List, Select, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { mailboxApi, type MailboxSettings } from './api.ts';
import { typeLabel } from './labels.ts';
import './mailbox.css';

const HANDLED = ['complaint', 'suggestion', 'praise'] as const;

/** Deadlines per type, escalation, rating window and the 三率 weights: the district's to change. */
function SettingsForm({ settings, onSaved }: { settings: MailboxSettings; onSaved(s: MailboxSettings): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const save = async (values: MailboxSettings) => {
    setBusy(true);
    try {
      onSaved(await mailboxApi.saveSettings(values));
      void message.success(t('mailbox.settings.saved'));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const days = (max: number) => <InputNumber min={1} max={max} precision={0} />;
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Form<MailboxSettings>
      layout="vertical"
      name="mailbox-settings"
      initialValues={settings}
      onFinish={(v) => void save(v)}
    >
      <h2 className="hm-card-title">{t('mailbox.settings.deadlines')}</h2>
      <div className="hm-toolbar">
        {HANDLED.map((type) => (
          <div key={type} className="hm-toolbar">
            <Form.Item
              name={['deadlines', type, 'acknowledge']}
              label={t('mailbox.settings.acknowledge', { type: typeLabel(t, type) })}
              rules={required}
            >
              {days(60)}
            </Form.Item>
            <Form.Item
              name={['deadlines', type, 'reply']}
              label={t('mailbox.settings.reply', { type: typeLabel(t, type) })}
              rules={required}
            >
              {days(60)}
            </Form.Item>
          </div>
        ))}
      </div>
      <div className="hm-toolbar">
        <Form.Item name="extensionMaxDays" label={t('mailbox.settings.extensionMax')} rules={required}>
          {days(30)}
        </Form.Item>
        <Form.Item name="escalateAfterDays" label={t('mailbox.settings.escalateAfter')} rules={required}>
          {days(30)}
        </Form.Item>
        <Form.Item name="ratingWindowDays" label={t('mailbox.settings.ratingWindow')} rules={required}>
          {days(60)}
        </Form.Item>
      </div>
      <h2 className="hm-card-title">{t('mailbox.settings.weights')}</h2>
      <div className="hm-toolbar">
        <Form.Item name={['weights', 'response']} label={t('mailbox.settings.weightResponse')} rules={required}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name={['weights', 'resolution']} label={t('mailbox.settings.weightResolution')} rules={required}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name={['weights', 'satisfaction']} label={t('mailbox.settings.weightSatisfaction')} rules={required}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="basicSatisfiedWeight" label={t('mailbox.settings.basicWeight')} rules={required}>
          <InputNumber min={0} max={1} step={0.05} />
        </Form.Item>
        <Form.Item name="minRatedToRank" label={t('mailbox.settings.minRated')} rules={required}>
          <InputNumber min={1} max={1000} precision={0} />
        </Form.Item>
      </div>
      <Form.Item
        name="disciplineBody"
        label={t('mailbox.settings.disciplineBody')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} style={{ maxWidth: 360 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('mailbox.settings.save')}
      </Button>
    </Form>
  );
}

/** The working-day calendar of a year: where the national part comes from, and the district's days off. */
function CalendarCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const calendar = useLoad((signal) => mailboxApi.calendar(year, signal), `calendar:${year}`);
  const [day, setDay] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (work: Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work;
      void message.success(done);
      calendar.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const c = calendar.data;
  return (
    <Card size="small" title={<h2 className="hm-card-title">{t('mailbox.calendar.heading')}</h2>}>
      <div className="hm-field">
        <label htmlFor="calendar-year">{t('mailbox.calendar.year')}</label>
        <Select<number>
          id="calendar-year"
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
        />
      </div>
      {calendar.error && <LoadError message={calendar.error} onRetry={calendar.reload} />}
      {c && (
        <>
          <p>
            {t('mailbox.calendar.source', { source: c.source })}
            {c.provisional && ` ${t('mailbox.calendar.provisional')}`}
          </p>
          <p>{t('mailbox.calendar.holidays', { n: c.holidays.length })}</p>
          <p>{t('mailbox.calendar.makeUp', { days: c.makeUpWorkdays.join('、') || t('common.none') })}</p>
          <h3>{t('mailbox.calendar.daysOff')}</h3>
          {c.daysOff.length === 0 ? (
            // Not List's own empty text: its grey is below 4.5:1 on white.
            <p className="hm-muted">{t('mailbox.calendar.noDaysOff')}</p>
          ) : (
            <List
              data-testid="days-off"
              dataSource={c.daysOff}
              renderItem={(d) => (
                <List.Item
                  actions={[
                    <Button
                      key="remove"
                      size="small"
                      danger
                      disabled={busy}
                      onClick={() => void run(mailboxApi.removeDayOff(d.day), t('mailbox.calendar.removed'))}
                    >
                      {t('mailbox.calendar.remove', { day: d.day })}
                    </Button>,
                  ]}
                >
                  {new Date(`${d.day}T00:00:00`).toLocaleDateString(locale)} · {d.reason}
                </List.Item>
              )}
            />
          )}
        </>
      )}
      <div className="hm-toolbar">
        <div className="hm-field">
          <label htmlFor="day-off-date">{t('mailbox.calendar.day')}</label>
          <DatePicker id="day-off-date" value={day} onChange={setDay} />
        </div>
        <div className="hm-field">
          <label htmlFor="day-off-reason">{t('mailbox.calendar.reason')}</label>
          <Input id="day-off-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        </div>
        <Button
          disabled={!day || !reason.trim() || busy}
          onClick={() => {
            if (!day) return;
            void run(mailboxApi.addDayOff(day.format('YYYY-MM-DD'), reason.trim()), t('mailbox.calendar.added')).then(
              () => {
                setDay(null);
                setReason('');
              },
            );
          }}
        >
          {t('mailbox.calendar.add')}
        </Button>
      </div>
    </Card>
  );
}

/** 信箱设置: the district's deadlines, weights and working-day calendar. */
export default function MailboxSettingsPage() {
  const { t } = useI18n();
  usePageTitle(t('mailbox.settings.heading'));
  const loaded = useLoad((signal) => mailboxApi.settings(signal), 'mailbox-settings');
  const [saved, setSaved] = useState<MailboxSettings | null>(null);
  const settings = saved ?? loaded.data;
  return (
    <>
      <h1 className="hm-page-title">{t('mailbox.settings.heading')}</h1>
      {loaded.error && !settings ? (
        <LoadError message={loaded.error} onRetry={loaded.reload} />
      ) : !settings ? (
        <Spin description={t('common.loading')} />
      ) : (
        <Card size="small">
          <SettingsForm settings={settings} onSaved={setSaved} />
        </Card>
      )}
      <CalendarCard />
    </>
  );
}
