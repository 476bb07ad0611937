import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { assignableRoles, levelsForRole, type Role } from '../../../domain/access/roles.ts';
import type { UnitLevel } from '../../../domain/org-units/units.ts';
import { useMe } from '../../app/session.tsx';
import { ApiError } from '../../lib/api.ts';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { levelLabel } from '../org-units/labels.ts';
import { UnitSelect } from '../org-units/UnitSelect.tsx';
import { accountsApi, type Account, type CreateAccountRequest } from './api.ts';

// The contract's username rule, checked here too so the message is in the user's language.
const USERNAME = /^[a-z0-9_.-]{3,64}$/;

interface Props {
  open: boolean;
  onClose(): void;
  onCreated(account: Account): void;
}

/** New staff account: only roles this admin may hand out, and a unit of a level that role belongs to. */
export function CreateAccountModal({ open, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<CreateAccountRequest>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roles = assignableRoles(me.role);
  const levels = (role ? levelsForRole(role) : []) as readonly UnitLevel[];

  const submit = async (values: CreateAccountRequest) => {
    setBusy(true);
    setError(null);
    try {
      const created = await accountsApi.create({
        ...values,
        username: values.username.trim(),
        displayName: values.displayName.trim(),
      });
      form.resetFields();
      onCreated(created);
    } catch (err) {
      setError(markFieldErrors(form, err));
      if (err instanceof ApiError && err.issues) {
        // Server issues name fields as "body.<field>"; mark them, in the user's language.
        const fields = err.issues
          .map((i) => i.path.replace(/^body\./, ''))
          .filter((f): f is keyof CreateAccountRequest => f in values);
        form.setFields(fields.map((name) => ({ name, errors: [t('common.invalid')] })));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('accounts.form.title')}
      okText={t('accounts.form.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<CreateAccountRequest>
        form={form}
        layout="vertical"
        name="create-account"
        onFinish={(v) => void submit(v)}
        requiredMark
      >
        <Form.Item
          label={t('accounts.form.username')}
          name="username"
          extra={t('accounts.form.usernameHelp')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: USERNAME, message: t('accounts.form.usernameHelp') },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          label={t('accounts.form.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('accounts.form.password')}
          name="password"
          extra={t('accounts.form.passwordHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('accounts.form.role')}
          name="role"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select<Role>
            options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            onChange={() => form.setFieldValue('unitId', undefined)}
          />
        </Form.Item>
        <Form.Item
          label={t('accounts.form.unit')}
          name="unitId"
          extra={
            role ? t('accounts.form.unitHelp', { levels: levels.map((l) => levelLabel(t, l)).join('、') }) : undefined
          }
          rules={[{ required: true, message: t('common.required') }]}
        >
          <UnitSelect levels={levels} placeholder={t('accounts.form.unitPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
