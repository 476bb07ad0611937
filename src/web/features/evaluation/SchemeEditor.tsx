import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import type { FormListFieldData, TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { itemSources, vetoSources } from '../../../domain/evaluation/scheme.ts';
import type { Locale } from '../../../contract/common.ts';
import type { MessageKey } from '../../lib/i18n/index.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Scheme } from './api.ts';

type Config = Scheme['config'];
type Item = Config['items'][number];

/** The editor's values: the draft config and the day it would take effect. */
export interface SchemeForm {
  effectiveFrom: Dayjs;
  note?: string;
  config: Config;
}

const cell = { style: { margin: 0 } };

/** A code no item or veto of the draft holds yet (the server checks codes are unique). */
function freshCode(prefix: string, taken: Array<{ code: string }>): string {
  let n = taken.length + 1;
  while (taken.some((x) => x.code === `${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

/** Every title of a new item or veto: the one the editor shows in each language. */
function titles(t: (k: MessageKey) => string, key: MessageKey, locale: Locale): Item['title'] {
  const text = t(key);
  return { 'zh-CN': text, 'zh-TW': text, en: text, [locale]: text };
}

/** The items of a draft: title, source, adds or deducts, points, cap and (for ratings) the fewest ratings counted. */
function ItemsList() {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance<SchemeForm>();
  const items = (Form.useWatch(['config', 'items'], form) ?? []) as Item[];
  const vetoes = (Form.useWatch(['config', 'vetoes'], form) ?? []) as Config['vetoes'];
  const nameOf = (n: number) => items[n]?.title[locale] || `#${n + 1}`;
  const number = (field: 'points' | 'cap' | 'minCount', label: MessageKey) => ({
    title: t(label),
    key: field,
    render: (_: unknown, f: FormListFieldData) =>
      field === 'minCount' && items[f.name]?.source !== 'ratings' ? null : (
        <Form.Item {...cell} name={[f.name, field]} rules={[{ required: field !== 'minCount' }]}>
          <InputNumber
            aria-label={`${nameOf(f.name)} ${t(label)}`}
            min={0}
            max={1000}
            precision={field === 'minCount' ? 0 : undefined}
          />
        </Form.Item>
      ),
  });
  return (
    <Form.List name={['config', 'items']}>
      {(fields, { add, remove }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          {
            title: t('evaluation.scheme.title'),
            key: 'title',
            render: (_, f) => (
              <Form.Item {...cell} name={[f.name, 'title', locale]} rules={[{ required: true, whitespace: true }]}>
                <Input aria-label={`${t('evaluation.scheme.title')} ${f.name + 1}`} maxLength={100} />
              </Form.Item>
            ),
          },
          {
            title: t('evaluation.scheme.source'),
            key: 'source',
            render: (_, f) => (
              <Form.Item {...cell} name={[f.name, 'source']}>
                <Select
                  aria-label={`${nameOf(f.name)} ${t('evaluation.scheme.source')}`}
                  style={{ minWidth: 140 }}
                  options={itemSources.map((s) => ({ value: s, label: t(`evaluation.scheme.source.${s}`) }))}
                />
              </Form.Item>
            ),
          },
          {
            title: t('evaluation.scheme.direction'),
            key: 'direction',
            render: (_, f) => (
              <Form.Item {...cell} name={[f.name, 'direction']}>
                <Select
                  aria-label={`${nameOf(f.name)} ${t('evaluation.scheme.direction')}`}
                  options={[
                    { value: 'add', label: t('evaluation.scheme.add') },
                    { value: 'deduct', label: t('evaluation.scheme.deduct') },
                  ]}
                />
              </Form.Item>
            ),
          },
          number('points', 'evaluation.scheme.points'),
          number('cap', 'evaluation.scheme.cap'),
          number('minCount', 'evaluation.scheme.minCount'),
          {
            title: '',
            key: 'remove',
            render: (_, f) => (
              <Button
                size="small"
                disabled={fields.length <= 1}
                aria-label={`${t('evaluation.scheme.remove')} ${nameOf(f.name)}`}
                onClick={() => remove(f.name)}
              >
                {t('evaluation.scheme.remove')}
              </Button>
            ),
          },
        ];
        return (
          <>
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              scroll={{ x: true }}
              caption={<span className="hm-visually-hidden">{t('evaluation.scheme.items')}</span>}
              data-testid="scheme-items"
            />
            <Button
              style={{ marginTop: 8 }}
              onClick={() =>
                add({
                  code: freshCode('item', [...items, ...vetoes]),
                  title: titles(t, 'evaluation.scheme.newItem', locale),
                  source: 'praise',
                  direction: 'add',
                  points: 1,
                  cap: 1,
                } satisfies Item)
              }
            >
              {t('evaluation.scheme.addItem')}
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}

/** The veto items (一票否决): what triggers them; a triggered quarter scores the minimum. */
function VetoList() {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance<SchemeForm>();
  const items = (Form.useWatch(['config', 'items'], form) ?? []) as Item[];
  const vetoes = (Form.useWatch(['config', 'vetoes'], form) ?? []) as Config['vetoes'];
  return (
    <Form.List name={['config', 'vetoes']}>
      {(fields, { add, remove }) => (
        <div data-testid="scheme-vetoes">
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap>
              <Form.Item {...cell} name={[f.name, 'title', locale]} rules={[{ required: true, whitespace: true }]}>
                <Input aria-label={`${t('evaluation.scheme.vetoes')} ${f.name + 1}`} maxLength={100} />
              </Form.Item>
              <Form.Item {...cell} name={[f.name, 'source']}>
                <Select
                  aria-label={`${t('evaluation.scheme.vetoes')} ${f.name + 1} ${t('evaluation.scheme.source')}`}
                  style={{ minWidth: 160 }}
                  options={vetoSources.map((s) => ({ value: s, label: t(`evaluation.scheme.source.${s}`) }))}
                />
              </Form.Item>
              <Form.Item {...cell} name={[f.name, 'code']} hidden>
                <Input />
              </Form.Item>
              <Button
                aria-label={`${t('evaluation.scheme.remove')} ${vetoes[f.name]?.title[locale] ?? ''}`}
                onClick={() => remove(f.name)}
              >
                {t('evaluation.scheme.remove')}
              </Button>
            </Space>
          ))}
          <div>
            <Button
              onClick={() =>
                add({
                  code: freshCode('veto', [...items, ...vetoes]),
                  title: titles(t, 'evaluation.scheme.source.feeTaking', locale),
                  source: 'feeTaking',
                })
              }
            >
              {t('evaluation.scheme.addVeto')}
            </Button>
          </div>
        </div>
      )}
    </Form.List>
  );
}

const share = { min: 0, max: 1, step: 0.01 };

/** The whole draft: items, veto items, the range of the total and the proposal rules. */
export function SchemeEditor() {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('evaluation.scheme.items')}</h2>
      <ItemsList />
      <h2>{t('evaluation.scheme.vetoes')}</h2>
      <p className="hm-muted">{t('evaluation.scheme.vetoHelp')}</p>
      <VetoList />
      <h2>{t('evaluation.scheme.bounds')}</h2>
      <Space wrap>
        <Form.Item name={['config', 'minimum']} label={t('evaluation.scheme.minimum')} rules={[{ required: true }]}>
          <InputNumber min={-1000} max={1000} />
        </Form.Item>
        <Form.Item name={['config', 'maximum']} label={t('evaluation.scheme.maximum')} rules={[{ required: true }]}>
          <InputNumber min={-1000} max={1000} />
        </Form.Item>
      </Space>
      <h2>{t('evaluation.scheme.rules')}</h2>
      <Space wrap align="end">
        <Form.Item
          name={['config', 'proposals', 'commendTopShare']}
          label={t('evaluation.scheme.commendTopShare')}
          rules={[{ required: true }]}
        >
          <InputNumber {...share} />
        </Form.Item>
        <Form.Item name={['config', 'proposals', 'commendRequiresNoComplaint']} valuePropName="checked">
          <Checkbox>{t('evaluation.scheme.commendRequiresNoComplaint')}</Checkbox>
        </Form.Item>
        <Form.Item
          name={['config', 'proposals', 'reviewBottomShare']}
          label={t('evaluation.scheme.reviewBottomShare')}
          rules={[{ required: true }]}
        >
          <InputNumber {...share} />
        </Form.Item>
        <Form.Item
          name={['config', 'proposals', 'complaintsInWindow']}
          label={t('evaluation.scheme.complaintsInWindow')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <Form.Item
          name={['config', 'proposals', 'windowQuarters']}
          label={t('evaluation.scheme.windowQuarters')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={8} precision={0} />
        </Form.Item>
      </Space>
    </>
  );
}
