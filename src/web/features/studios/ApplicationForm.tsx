import { useState } from 'react';
import { Alert, Button, Form, Input, Radio, Select, Space } from 'antd';
import { isGrassroots } from '../../../domain/org-units/units.ts';
import { useAbilities } from '../../app/abilities.ts';
import { useMe } from '../../app/session.tsx';
import { ApiError } from '../../lib/api.ts';
import { markFieldErrors } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { UnitSelect } from '../org-units/UnitSelect.tsx';
import type { Category, StudioApplication, StudioCandidate, StudioDetail } from './api.ts';
import { ListField } from './ListField.tsx';
import { categoryName } from './labels.ts';

// The contract's phone rule (mobile or landline), checked here too so the message is in the user's language.
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** What the form holds; the leader and unit are fixed for a member and chosen by an admin. */
export interface ApplicationValues {
  name: string;
  unitId?: number;
  categoryIds: number[];
  serviceItems: Array<{ title: string; description?: string }>;
  description?: string;
  venueAddress: string;
  openingHours: string;
  contactPhone?: string;
  staffingMode: 'single' | 'team';
  leaderVolunteerId?: number;
  memberVolunteerIds?: number[];
  qualifications?: Array<{ holder: string; title: string; issuer?: string }>;
}

interface Props {
  draft: StudioDetail | undefined;
  categories: Category[];
  /** Party members in the registry that may staff the studio. */
  volunteers: StudioCandidate[];
  /** The member's own registry entry (申办: the applicant leads the studio); undefined for admins. */
  self: StudioCandidate | undefined;
  /** Saves the application, then submits it when `submit` is true; throws the server's error. */
  onSave(body: StudioApplication, submit: boolean): Promise<void>;
  /** An admin choosing another community reloads the members to pick from. */
  onUnitChange?(unitId: number): void;
}

function initialValues(draft: StudioDetail | undefined, unitId: number | undefined): Partial<ApplicationValues> {
  if (!draft)
    return {
      staffingMode: 'single',
      serviceItems: [{ title: '', description: '' }],
      qualifications: [],
      memberVolunteerIds: [],
      unitId,
    };
  const leader = draft.members.find((m) => m.role === 'leader');
  return {
    name: draft.name,
    unitId: draft.unitId,
    categoryIds: draft.categoryIds,
    serviceItems: draft.serviceItems,
    description: draft.description,
    venueAddress: draft.venueAddress,
    openingHours: draft.openingHours,
    contactPhone: draft.contactPhone ?? undefined,
    staffingMode: draft.staffingMode,
    leaderVolunteerId: leader?.volunteerId,
    memberVolunteerIds: draft.members.filter((m) => m.role === 'member').map((m) => m.volunteerId),
    qualifications: draft.qualifications.map((q) => ({ holder: q.holder, title: q.title, issuer: q.issuer })),
  };
}

/** The application (申办 / 推荐): what, where, when, who, and on what qualifications. No field can hold a fee. */
export function ApplicationForm({ draft, categories, volunteers, self, onSave, onUnitChange }: Props) {
  const { t, locale } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<ApplicationValues>();
  const mode = Form.useWatch('staffingMode', form);
  const leaderId = Form.useWatch('leaderVolunteerId', form) ?? self?.id;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  // A member applies for a studio of its own and leads it; an organisation names the leader.
  const isMember = useAbilities().scope('submit', 'studio') === 'own';
  // Studios sit in grassroots units: a member or community admin applies in its own; a street
  // admin picks one of theirs for a new application (a draft keeps its community: the picker
  // could not show its name).
  const fixedUnit = isGrassroots(me.unit.level) ? me.unit.id : draft?.unitId;

  const save = async (submit: boolean) => {
    let values: ApplicationValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const leader = isMember ? self?.id : values.leaderVolunteerId;
    const unitId = fixedUnit ?? values.unitId;
    if (leader === undefined || unitId === undefined) return;
    const body: StudioApplication = {
      name: values.name.trim(),
      unitId,
      categoryIds: values.categoryIds,
      serviceItems: values.serviceItems.map((i) => ({
        title: i.title.trim(),
        description: (i.description ?? '').trim(),
      })),
      description: (values.description ?? '').trim(),
      venueAddress: values.venueAddress.trim(),
      openingHours: values.openingHours.trim(),
      contactPhone: values.contactPhone?.trim() ? values.contactPhone.trim() : null,
      staffingMode: values.staffingMode,
      leaderVolunteerId: leader,
      // 一人一岗: the leader alone; 一岗多人: the leader and the members picked here.
      memberVolunteerIds:
        values.staffingMode === 'team' ? (values.memberVolunteerIds ?? []).filter((id) => id !== leader) : [],
      qualifications: (values.qualifications ?? []).map((q) => ({
        holder: q.holder.trim(),
        title: q.title.trim(),
        issuer: (q.issuer ?? '').trim(),
      })),
    };
    setBusy(submit ? 'submit' : 'save');
    setError(null);
    try {
      await onSave(body, submit);
    } catch (err) {
      setError(markFieldErrors(form, err));
      if (err instanceof ApiError && err.issues) {
        const names = err.issues
          .map((i) => i.path.replace(/^body\./, '').split('.')[0] ?? '')
          .filter((f): f is keyof ApplicationValues => f in body);
        form.setFields([...new Set(names)].map((name) => ({ name, errors: [t('common.invalid')] })));
      }
    } finally {
      setBusy(null);
    }
  };

  const memberOptions = volunteers
    .filter((v) => v.id !== leaderId)
    .map((v) => ({ value: v.id, label: v.profession ? `${v.name}（${v.profession}）` : v.name }));
  const required = { required: true, message: t('common.required') };

  return (
    <Form<ApplicationValues>
      form={form}
      layout="vertical"
      name="studio-application"
      initialValues={initialValues(draft, fixedUnit)}
      requiredMark
      className="hm-studio-form"
    >
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} data-testid="form-error" />
      )}
      <Alert type="warning" showIcon title={t('studios.form.unpaidRule')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('studios.form.name')} name="name" rules={[{ ...required, whitespace: true }, { max: 100 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      {fixedUnit === undefined ? (
        <Form.Item label={t('studios.form.unit')} name="unitId" rules={[required]}>
          <UnitSelect
            levels={['community', 'village', 'enterprise']}
            onChange={(id) => {
              form.setFieldsValue({ unitId: id, leaderVolunteerId: undefined, memberVolunteerIds: [] });
              onUnitChange?.(id);
            }}
          />
        </Form.Item>
      ) : (
        <Form.Item label={t('studios.form.unit')}>
          <span data-testid="application-unit">{draft?.unitName ?? me.unit.name}</span>
        </Form.Item>
      )}
      <Form.Item
        label={t('studios.form.categories')}
        name="categoryIds"
        rules={[required]}
        extra={t('studios.form.categoriesHelp')}
      >
        <Select<number[]>
          mode="multiple"
          maxCount={5}
          showSearch={{ optionFilterProp: 'label' }}
          options={categories.filter((c) => c.enabled).map((c) => ({ value: c.id, label: categoryName(c, locale) }))}
        />
      </Form.Item>
      <ListField
        name="serviceItems"
        legend={t('studios.form.serviceItems')}
        addLabel={t('studios.form.addItem')}
        min={1}
        max={20}
        fields={[
          { name: 'title', label: t('studios.form.itemTitle'), required: true, max: 100 },
          { name: 'description', label: t('studios.form.itemDescription'), max: 500 },
        ]}
      />
      <Form.Item label={t('studios.form.description')} name="description" rules={[{ max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        label={t('studios.form.venue')}
        name="venueAddress"
        rules={[{ ...required, whitespace: true }, { max: 200 }]}
      >
        <Input autoComplete="street-address" />
      </Form.Item>
      <Form.Item
        label={t('studios.form.hours')}
        name="openingHours"
        rules={[{ ...required, whitespace: true }, { max: 200 }]}
        extra={t('studios.form.hoursHelp')}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label={t('studios.form.phone')}
        name="contactPhone"
        rules={[{ pattern: PHONE, message: t('studios.form.phoneHelp') }]}
        extra={t('studios.form.phoneHelp')}
      >
        <Input type="tel" inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item label={t('studios.form.staffing')} name="staffingMode" rules={[required]}>
        <Radio.Group
          aria-label={t('studios.form.staffing')}
          options={[
            { value: 'single', label: t('studios.staffing.single') },
            { value: 'team', label: t('studios.staffing.team') },
          ]}
        />
      </Form.Item>
      {isMember ? (
        <Form.Item label={t('studios.form.leader')}>
          {self ? (
            <span data-testid="application-leader">{self.name}</span>
          ) : (
            <Alert type="error" showIcon title={t('studios.form.notInRegistry')} />
          )}
        </Form.Item>
      ) : (
        <Form.Item label={t('studios.form.leader')} name="leaderVolunteerId" rules={[required]}>
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            options={volunteers.map((v) => ({ value: v.id, label: v.name }))}
          />
        </Form.Item>
      )}
      {mode === 'team' && (
        <Form.Item
          label={t('studios.form.members')}
          name="memberVolunteerIds"
          rules={[required]}
          extra={t('studios.form.membersHelp')}
        >
          <Select<number[]> mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={memberOptions} />
        </Form.Item>
      )}
      <ListField
        name="qualifications"
        legend={t('studios.form.qualifications')}
        addLabel={t('studios.form.addQualification')}
        min={0}
        max={20}
        hint={t('studios.form.attachmentsLater')}
        fields={[
          { name: 'holder', label: t('studios.form.qualHolder'), required: true, max: 100 },
          { name: 'title', label: t('studios.form.qualTitle'), required: true, max: 100 },
          { name: 'issuer', label: t('studios.form.qualIssuer'), max: 100 },
        ]}
      />
      <Space wrap>
        <Button
          onClick={() => void save(false)}
          loading={busy === 'save'}
          disabled={busy !== null || (isMember && !self)}
          data-testid="save-draft"
        >
          {t('studios.form.saveDraft')}
        </Button>
        <Button
          type="primary"
          onClick={() => void save(true)}
          loading={busy === 'submit'}
          disabled={busy !== null || (isMember && !self)}
          data-testid="submit-application"
        >
          {t('studios.form.submit')}
        </Button>
      </Space>
    </Form>
  );
}
