import { useEffect, useState } from 'react';
import { Alert, ColorPicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { categoriesApi, type Category, type CategoryInput } from './api.ts';
import { CategoryIcon, categoryIcons } from './icons.tsx';

// The contract's rules, checked here too so the message is in the user's language.
const CODE = /^[a-z][a-z0-9-]{1,31}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

interface Props {
  open: boolean;
  /** null: a new category. */
  category: Category | null;
  nextPosition: number;
  onClose(): void;
  onSaved(category: Category): void;
}

interface Values {
  code: string;
  nameZhCN: string;
  nameZhTW: string;
  nameEn: string;
  icon: string;
  color: string;
  position: number;
  enabled: boolean;
}

function valuesOf(c: Category | null, nextPosition: number): Values {
  if (!c)
    return {
      code: '',
      nameZhCN: '',
      nameZhTW: '',
      nameEn: '',
      icon: 'Appstore',
      color: '#1d4ed8',
      position: nextPosition,
      enabled: true,
    };
  return {
    code: c.code,
    nameZhCN: c.name['zh-CN'],
    nameZhTW: c.name['zh-TW'],
    nameEn: c.name.en,
    icon: c.icon,
    color: c.color,
    position: c.position,
    enabled: c.enabled,
  };
}

function inputOf(v: Values): CategoryInput {
  return {
    code: v.code.trim(),
    name: { 'zh-CN': v.nameZhCN.trim(), 'zh-TW': v.nameZhTW.trim(), en: v.nameEn.trim() },
    icon: v.icon,
    color: v.color,
    position: v.position,
    enabled: v.enabled,
  };
}

/** Adds or edits a category. The code is fixed once created: stored data and the classifier refer to it. */
export function CategoryFormModal({ open, category, nextPosition, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Switching an enabled category off in this dialog asks once, as the list's switch does.
  const [disabling, setDisabling] = useState<Values | null>(null);

  useEffect(() => {
    if (open) {
      form.setFieldsValue(valuesOf(category, nextPosition));
      setError(null);
      setDisabling(null);
    }
  }, [open, category, nextPosition, form]);

  const finish = (values: Values) => {
    if (category?.enabled && !values.enabled) setDisabling(values);
    else void submit(values);
  };

  const submit = async (values: Values) => {
    setDisabling(null);
    setBusy(true);
    setError(null);
    try {
      const input = inputOf(values);
      onSaved(category ? await categoriesApi.update(category.id, input) : await categoriesApi.create(input));
    } catch (err) {
      setError(markFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Modal
      open={open}
      title={category ? t('categories.form.editTitle', { name: category.name[locale] }) : t('categories.form.newTitle')}
      okText={t('categories.form.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      forceRender
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" name="category" onFinish={finish} requiredMark>
        <Form.Item
          label={t('categories.form.code')}
          name="code"
          extra={t('categories.form.codeHelp')}
          rules={[required, { pattern: CODE, message: t('categories.form.codeHelp') }]}
        >
          <Input autoComplete="off" spellCheck={false} disabled={category !== null} />
        </Form.Item>
        <Form.Item label={t('categories.form.nameZhCN')} name="nameZhCN" rules={[required, { max: 50 }]}>
          <Input lang="zh-CN" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('categories.form.nameZhTW')} name="nameZhTW" rules={[required, { max: 50 }]}>
          <Input lang="zh-TW" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('categories.form.nameEn')} name="nameEn" rules={[required, { max: 80 }]}>
          <Input lang="en" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('categories.form.icon')}
          name="icon"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select<string>
            virtual={false}
            options={Object.keys(categoryIcons).map((name) => ({
              value: name,
              label: (
                <span>
                  <CategoryIcon name={name} /> {name}
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('categories.form.color')}
          name="color"
          extra={t('categories.form.colorHelp')}
          getValueFromEvent={(color: { toHexString(): string }) => color.toHexString()}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: COLOR, message: t('categories.form.colorHelp') },
          ]}
        >
          <ColorPicker showText disabledAlpha format="hex" />
        </Form.Item>
        <Form.Item
          label={t('categories.form.position')}
          name="position"
          extra={t('categories.form.positionHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={1} max={999} precision={0} />
        </Form.Item>
        <Form.Item
          label={t('categories.form.enabled')}
          name="enabled"
          valuePropName="checked"
          extra={t('categories.form.enabledHelp')}
        >
          <Switch />
        </Form.Item>
      </Form>
      {disabling && category && (
        <ConfirmDialog
          open
          title={t('categories.confirmDisableTitle', { name: category.name[locale] })}
          okText={t('categories.confirmDisableOk')}
          danger
          busy={busy}
          onConfirm={() => void submit(disabling)}
          onCancel={() => setDisabling(null)}
        >
          <p>{t('categories.confirmDisableBody')}</p>
        </ConfirmDialog>
      )}
    </Modal>
  );
}
