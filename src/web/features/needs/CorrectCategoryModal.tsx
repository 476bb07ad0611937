import { useEffect, useState } from 'react';
import { Alert, Form, Modal, Select } from 'antd';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import type { Categories } from '../categories/use-categories.ts';
import { needsApi, type Need } from './api.ts';
import { percent } from './labels.ts';

/** Sets or corrects a need's category; the server keeps the correction as training data. */
export function CorrectCategoryModal({
  need,
  categories,
  onClose,
  onSaved,
}: {
  need: Need | null;
  categories: Categories;
  onClose(): void;
  onSaved(n: Need): void;
}) {
  const { t, locale } = useI18n();
  const [categoryId, setCategoryId] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setCategoryId(need?.categoryId ?? need?.suggestedCategoryId ?? undefined);
    setError(null);
  }, [need]);

  const save = async () => {
    if (!need || categoryId === undefined) {
      setError(t('needs.form.categoryRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await needsApi.correct(need.id, categoryId));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={need !== null}
      title={t('needs.correct.title')}
      okText={t('needs.correct.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: categoryId === undefined }}
    >
      {need && (
        <>
          <blockquote className="hm-need-quote">{need.text}</blockquote>
          <p className="hm-muted">
            {need.suggestedCategoryId === null
              ? t('needs.correct.noSuggestion')
              : t('needs.correct.suggested', {
                  category: categories.nameOf(need.suggestedCategoryId),
                  p: need.confidence === null ? '—' : percent(need.confidence),
                })}
          </p>
        </>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={t('needs.form.category')} htmlFor="correct-category" extra={t('needs.correct.help')}>
          <Select<number>
            id="correct-category"
            value={categoryId}
            onChange={setCategoryId}
            virtual={false}
            options={categories.enabled.map((c) => ({ value: c.id, label: c.name[locale] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
