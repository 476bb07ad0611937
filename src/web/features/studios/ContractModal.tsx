import { Button, DatePicker, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../../app/session.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { ActionModal } from './ActionModal.tsx';
import { studiosApi } from './api.ts';
import { DATE, type StepProps } from './steps.ts';

interface Values {
  termStart: Dayjs;
  termEnd: Dayjs;
  signatories: Array<{ party: string; name: string }>;
}

/** 签约: the agreement's term and its signatories, the street committee and the leading member. */
export function ContractModal({ studio, onClose, onDone }: StepProps) {
  const { t } = useI18n();
  const me = useMe();
  const leader = studio.members.find((m) => m.role === 'leader')?.name ?? studio.leaderName ?? '';
  const today = dayjs();
  const initial: Values = {
    termStart: today,
    // A term of three years, the usual length of a studio's agreement.
    termEnd: today.add(3, 'year').subtract(1, 'day'),
    signatories: [
      { party: t('studios.contract.partyA'), name: t('studios.contract.streetCommittee', { street: me.unit.name }) },
      { party: t('studios.contract.partyB'), name: leader },
    ],
  };
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <ActionModal<Values>
      title={t('studios.contract.title', { name: studio.name })}
      name="studio-contract"
      okText={t('studios.contract.submit')}
      initialValues={initial}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) =>
        studiosApi.transition(studio.id, 'contract', {
          termStart: v.termStart.format(DATE),
          termEnd: v.termEnd.format(DATE),
          signatories: v.signatories.map((s) => ({ party: s.party.trim(), name: s.name.trim() })),
        })
      }
    >
      <p className="hm-muted">{t('studios.contract.unpaidClause')}</p>
      <div className="hm-date-pair">
        <Form.Item
          name="termStart"
          label={t('studios.contract.termStart')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="termEnd"
          label={t('studios.contract.termEnd')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker />
        </Form.Item>
      </div>
      <fieldset className="hm-list-field">
        <legend>{t('studios.contract.signatories')}</legend>
        <Form.List name="signatories">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, index) => (
                <div key={row.key} className="hm-list-row">
                  <Form.Item
                    name={[row.name, 'party']}
                    label={`${t('studios.contract.party')} ${index + 1}`}
                    className="hm-list-cell hm-list-narrow"
                    rules={[required, { max: 50 }]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'name']}
                    label={`${t('studios.contract.signatoryName')} ${index + 1}`}
                    className="hm-list-cell"
                    rules={[required, { max: 100 }]}
                  >
                    <Input />
                  </Form.Item>
                  <Button
                    className="hm-list-remove"
                    icon={<DeleteOutlined />}
                    disabled={rows.length <= 2}
                    onClick={() => remove(row.name)}
                    aria-label={t('studios.form.removeRow', { what: t('studios.contract.signatories'), n: index + 1 })}
                  />
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ party: '', name: '' })} disabled={rows.length >= 6}>
                {t('studios.contract.addSignatory')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
    </ActionModal>
  );
}
