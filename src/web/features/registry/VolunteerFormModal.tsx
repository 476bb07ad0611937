import { useEffect, useState } from 'react';
import { Alert, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Spin } from 'antd';
import { isValidIdNumber } from '../../../domain/registry/id-number.ts';
import { useMe } from '../../app/session.tsx';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Categories } from '../categories/use-categories.ts';
import { registryApi, type Volunteer, type VolunteerInput, type VolunteerKind } from './api.ts';
import { kindLabel, volunteerKinds } from './labels.ts';
import { UnitPicker } from './UnitPicker.tsx';

// The contract's rules, checked here too so the message is in the user's language.
const MOBILE = /^1[3-9]\d{9}$/;

interface Props {
  open: boolean;
  /** null: a new record. */
  volunteer: Volunteer | null;
  categories: Categories;
  onClose(): void;
  onSaved(v: Volunteer): void;
}

interface Values {
  kind: VolunteerKind;
  name: string;
  gender?: '男' | '女' | undefined;
  birthYear?: number | null | undefined;
  phone: string;
  idNumber?: string | undefined;
  unitId: number;
  partyBranch?: string | undefined;
  probationary?: boolean | undefined;
  profession?: string | undefined;
  qualifications?: string | undefined;
  availability?: string | undefined;
  contactName?: string | undefined;
  notes?: string | undefined;
  categoryIds: number[];
}

const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

function inputOf(v: Values): VolunteerInput {
  return {
    kind: v.kind,
    name: v.name.trim(),
    gender: v.gender ?? null,
    birthYear: v.birthYear ?? null,
    phone: v.phone.trim(),
    idNumber: orNull(v.idNumber),
    unitId: v.unitId,
    partyBranch: orNull(v.partyBranch),
    probationary: v.kind === 'party_member' && v.probationary === true,
    profession: orNull(v.profession),
    qualifications: orNull(v.qualifications),
    availability: orNull(v.availability),
    contactName: orNull(v.contactName),
    notes: orNull(v.notes),
    categoryIds: v.categoryIds,
  };
}

function valuesOf(v: Volunteer, phone: string): Values {
  return {
    kind: v.kind,
    name: v.name,
    gender: v.gender === '男' || v.gender === '女' ? v.gender : undefined,
    birthYear: v.birthYear,
    phone,
    idNumber: '',
    unitId: v.unitId,
    partyBranch: v.partyBranch ?? '',
    probationary: v.probationary,
    profession: v.profession ?? '',
    qualifications: v.qualifications ?? '',
    availability: v.availability ?? '',
    contactName: v.contactName ?? '',
    notes: v.notes ?? '',
    categoryIds: v.categoryIds,
  };
}

/**
 * Adds or edits a registry record. Editing needs the full phone number (the API takes the
 * whole record), so opening the form for an existing record reads it, and that read is logged.
 */
export function VolunteerFormModal({ open, volunteer, categories, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const kind = Form.useWatch('kind', form);
  const isOrganisation = kind === 'stationed_unit' || kind === 'civic_organisation';

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (!volunteer) {
      form.setFieldsValue({ kind: 'party_member', categoryIds: [], unitId: me.unit.id });
      return;
    }
    let cancelled = false;
    setPreparing(true);
    registryApi
      .contact(volunteer.id)
      .then(
        (contact) => !cancelled && form.setFieldsValue(valuesOf(volunteer, contact.phone ?? '')),
        (err: unknown) => {
          if (cancelled) return;
          form.setFieldsValue(valuesOf(volunteer, ''));
          setError(errorMessage(err));
        },
      )
      .finally(() => !cancelled && setPreparing(false));
    return () => {
      cancelled = true;
    };
  }, [open, volunteer, form, me.unit.id]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const input = inputOf(values);
      onSaved(volunteer ? await registryApi.update(volunteer.id, input) : await registryApi.create(input));
    } catch (err) {
      setError(markFieldErrors(form, err));
      if (err instanceof ApiError && err.issues) {
        const fields = err.issues
          .map((i) => i.path.replace(/^body\./, ''))
          .filter((f): f is keyof Values => f in values);
        form.setFields(fields.map((name) => ({ name, errors: [t('common.invalid')] })));
      }
    } finally {
      setBusy(false);
    }
  };

  const text = (max: number) => [{ max, message: t('registry.form.tooLong', { max }) }];
  return (
    <Modal
      open={open}
      title={volunteer ? t('registry.form.editTitle', { name: volunteer.name }) : t('registry.form.newTitle')}
      okText={t('registry.form.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={760}
      forceRender
    >
      {volunteer && <Alert type="info" showIcon title={t('registry.form.editAudited')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Spin spinning={preparing}>
        <Form<Values> form={form} layout="vertical" name="volunteer" onFinish={(v) => void submit(v)} requiredMark>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('registry.col.kind')}
                name="kind"
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select<VolunteerKind>
                  virtual={false}
                  options={volunteerKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t(isOrganisation ? 'registry.form.orgName' : 'registry.form.name')}
                name="name"
                rules={[{ required: true, whitespace: true, message: t('common.required') }, ...text(100)]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            {!isOrganisation && (
              <>
                <Col xs={12} sm={6}>
                  <Form.Item label={t('registry.form.gender')} name="gender">
                    <Select<'男' | '女'>
                      allowClear
                      virtual={false}
                      options={[
                        { value: '男', label: t('registry.form.male') },
                        { value: '女', label: t('registry.form.female') },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item label={t('registry.form.birthYear')} name="birthYear">
                    <InputNumber min={1900} max={2020} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('registry.col.phone')}
                name="phone"
                rules={[
                  { required: true, message: t('common.required') },
                  { pattern: MOBILE, message: t('registry.form.phoneHelp') },
                ]}
              >
                <Input inputMode="tel" autoComplete="off" />
              </Form.Item>
            </Col>
            {!isOrganisation && (
              <Col xs={24} sm={12}>
                <Form.Item
                  label={t('registry.col.idNumber')}
                  name="idNumber"
                  extra={
                    volunteer?.idNumber
                      ? t('registry.form.idNumberOnFile', { masked: volunteer.idNumber })
                      : t('registry.form.idNumberHelp')
                  }
                  rules={[
                    {
                      validator: (_, value?: string) =>
                        !value || isValidIdNumber(value.trim().toUpperCase())
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('registry.form.idNumberInvalid'))),
                    },
                  ]}
                >
                  <Input autoComplete="off" spellCheck={false} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('registry.col.unit')}
                name="unitId"
                rules={[{ required: true, message: t('common.required') }]}
              >
                <UnitPicker
                  initial={
                    volunteer
                      ? { id: volunteer.unitId, name: volunteer.unitName }
                      : { id: me.unit.id, name: me.unit.name }
                  }
                  placeholder={t('registry.form.unitPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('registry.col.categories')}
                name="categoryIds"
                extra={t('registry.form.categoriesHelp')}
              >
                <Select<number[]>
                  mode="multiple"
                  virtual={false}
                  maxCount={11}
                  options={categories.enabled.map((c) => ({ value: c.id, label: c.name[locale] }))}
                />
              </Form.Item>
            </Col>
            {isOrganisation ? (
              <Col xs={24} sm={12}>
                <Form.Item label={t('registry.form.contactName')} name="contactName" rules={text(100)}>
                  <Input autoComplete="off" />
                </Form.Item>
              </Col>
            ) : (
              <Col xs={24} sm={12}>
                <Form.Item label={t('registry.form.partyBranch')} name="partyBranch" rules={text(100)}>
                  <Input autoComplete="off" />
                </Form.Item>
              </Col>
            )}
            {kind === 'party_member' ? (
              // 预备党员 are listed on the year-end sheet but not graded.
              <Col xs={24} sm={12}>
                <Form.Item name="probationary" valuePropName="checked">
                  <Checkbox>{t('registry.form.probationary')}</Checkbox>
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} sm={12}>
              <Form.Item label={t('registry.col.profession')} name="profession" rules={text(100)}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('registry.form.availability')} name="availability" rules={text(200)}>
                <Input autoComplete="off" placeholder={t('registry.form.availabilityPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('registry.form.qualifications')} name="qualifications" rules={text(500)}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('registry.form.notes')} name="notes" rules={text(500)}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Spin>
    </Modal>
  );
}
