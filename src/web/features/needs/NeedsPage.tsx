import { useState } from 'react';
import { App, Card, Col, Row } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCategories } from '../categories/use-categories.ts';
import type { Need } from './api.ts';
import { CorrectCategoryModal } from './CorrectCategoryModal.tsx';
import { NeedForm } from './NeedForm.tsx';
import { NeedsList } from './NeedsList.tsx';
import './needs.css';

/** 民情需求 (访民情): record needs with a suggested category, and the list with its queue of uncategorised ones. */
export default function NeedsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  usePageTitle(t('needs.heading'));
  const categories = useCategories();
  const [version, setVersion] = useState(0);
  const [correcting, setCorrecting] = useState<Need | null>(null);

  return (
    <>
      <h1 className="hm-page-title">{t('needs.heading')}</h1>
      {categories.error && <LoadError message={categories.error} onRetry={categories.reload} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <Card title={<h2 className="hm-card-title">{t('needs.form.heading')}</h2>} size="small">
            <NeedForm categories={categories} onRecorded={() => setVersion((v) => v + 1)} />
          </Card>
        </Col>
        <Col xs={24} xxl={14}>
          <Card title={<h2 className="hm-card-title">{t('needs.list.heading')}</h2>} size="small">
            <NeedsList categories={categories} version={version} onCorrect={setCorrecting} />
          </Card>
        </Col>
      </Row>
      <CorrectCategoryModal
        need={correcting}
        categories={categories}
        onClose={() => setCorrecting(null)}
        onSaved={(n) => {
          setCorrecting(null);
          void message.success(t('needs.correct.done', { category: categories.nameOf(n.categoryId) }));
          setVersion((v) => v + 1);
        }}
      />
    </>
  );
}
