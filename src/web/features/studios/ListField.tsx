import { Button, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../lib/i18n/react.tsx';

interface Column {
  name: string;
  label: string;
  required?: boolean;
  max: number;
}

interface Props {
  /** The form list's name, e.g. 'serviceItems'. */
  name: string;
  legend: string;
  addLabel: string;
  min: number;
  max: number;
  hint?: string;
  fields: Column[];
}

/**
 * A repeatable group of text fields (service items, qualifications) in a fieldset; every input
 * is labelled with its column and row number, so a screen reader says which one it is.
 */
export function ListField({ name, legend, addLabel, min, max, hint, fields }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="hm-list-field" data-testid={`list-${name}`}>
      <legend>{legend}</legend>
      {hint && <p className="hm-muted">{hint}</p>}
      <Form.List name={name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => (
              <div key={row.key} className="hm-list-row">
                <span className="hm-list-number" aria-hidden="true">
                  {index + 1}.
                </span>
                {fields.map((f) => (
                  <Form.Item
                    key={f.name}
                    name={[row.name, f.name]}
                    label={`${f.label} ${index + 1}`}
                    className="hm-list-cell"
                    rules={[
                      ...(f.required ? [{ required: true, whitespace: true, message: t('common.required') }] : []),
                      { max: f.max },
                    ]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                ))}
                <Button
                  className="hm-list-remove"
                  icon={<DeleteOutlined />}
                  disabled={rows.length <= min}
                  onClick={() => remove(row.name)}
                  aria-label={t('studios.form.removeRow', { what: legend, n: index + 1 })}
                />
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={rows.length >= max}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
