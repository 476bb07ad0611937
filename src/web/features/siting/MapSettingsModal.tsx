import { useEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { sitingApi, type MapSettings, type MapSettingsInput, type TileSource } from './api.ts';

// The contract's rule for an OSM-style template, checked here so the message is in the user's language.
const TEMPLATE = /^https?:\/\/.+\{z\}.+\{x\}.+\{y\}/;

interface Values {
  kind: TileSource['kind'];
  url?: string;
  attribution?: string;
  key?: string;
  coverageRadiusM: number;
}

function valuesOf(s: MapSettings): Values {
  const tiles = s.tiles;
  return {
    kind: tiles.kind,
    url: tiles.kind === 'osm' ? tiles.url : '',
    attribution: tiles.kind === 'osm' ? tiles.attribution : '',
    key: tiles.kind === 'tianditu' || tiles.kind === 'amap' ? tiles.key : '',
    coverageRadiusM: s.coverageRadiusM,
  };
}

function inputOf(v: Values): MapSettingsInput {
  const tiles: TileSource =
    v.kind === 'osm'
      ? { kind: 'osm', url: (v.url ?? '').trim(), attribution: (v.attribution ?? '').trim() }
      : v.kind === 'tianditu'
        ? { kind: 'tianditu', key: (v.key ?? '').trim() }
        : v.kind === 'amap'
          ? { kind: 'amap', key: (v.key ?? '').trim() }
          : { kind: 'none' };
  return { tiles, coverageRadiusM: v.coverageRadiusM };
}

/** District admins choose the tile source and the default walking radius for everyone's map. */
export function MapSettingsModal({
  open,
  settings,
  onClose,
  onSaved,
}: {
  open: boolean;
  settings: MapSettings | undefined;
  onClose(): void;
  onSaved(s: MapSettings): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open && settings) {
      form.setFieldsValue(valuesOf(settings));
      setError(null);
    }
  }, [open, settings, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await sitingApi.saveSettings(inputOf(v)));
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('siting.settings.title')}
      okText={t('siting.settings.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      forceRender
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" name="map-settings" onFinish={(v) => void submit(v)} requiredMark>
        <Form.Item label={t('siting.settings.tiles')} name="kind" extra={t(`siting.settings.help.${kind ?? 'none'}`)}>
          {/* A <label for> cannot name a radio group's <div>; aria-label does. */}
          <Radio.Group
            aria-label={t('siting.settings.tiles')}
            options={(['none', 'osm', 'tianditu', 'amap'] as const).map((k) => ({
              value: k,
              label: t(`siting.settings.kind.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'osm' && (
          <>
            <Form.Item
              label={t('siting.settings.url')}
              name="url"
              extra={t('siting.settings.urlHelp')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: TEMPLATE, message: t('siting.settings.urlHelp') },
                { max: 300 },
              ]}
            >
              <Input spellCheck={false} placeholder="https://tile.openstreetmap.org/{z}/{x}/{y}.png" />
            </Form.Item>
            <Form.Item label={t('siting.settings.attribution')} name="attribution" rules={[{ max: 200 }]}>
              <Input placeholder="© OpenStreetMap contributors" />
            </Form.Item>
          </>
        )}
        {(kind === 'tianditu' || kind === 'amap') && (
          <Form.Item
            label={t('siting.settings.key')}
            name="key"
            rules={
              kind === 'tianditu'
                ? [
                    { required: true, message: t('common.required') },
                    { min: 8, max: 64, message: t('siting.settings.keyHelp') },
                  ]
                : [{ max: 64 }]
            }
          >
            <Input spellCheck={false} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          label={t('siting.settings.radius')}
          name="coverageRadiusM"
          extra={t('siting.settings.radiusHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={100} max={10_000} step={100} precision={0} suffix={t('siting.metres')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
