import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, Input, Row } from 'antd';
import { useMe } from '../../app/session.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { OrgUnit } from './api.ts';
import { OrgTree } from './OrgTree.tsx';
import { UnitTable } from './UnitTable.tsx';

/** 组织架构: the account's subtree as a lazy tree beside a searchable, paginated table. */
export default function OrgPage() {
  const { t } = useI18n();
  const me = useMe();
  usePageTitle(t('org.heading'));
  const [selected, setSelected] = useState<OrgUnit | null>(null);
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const select = useCallback((unit: OrgUnit) => setSelected(unit), []);
  const scopeName = selected?.shortName ?? me.unit.name;

  return (
    <>
      <h1 className="hm-page-title">{t('org.heading')}</h1>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={<h2 className="hm-card-title">{t('org.treeLabel')}</h2>} size="small">
            <OrgTree rootId={me.unit.id} selectedId={selected?.id} onSelect={select} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            title={<h2 className="hm-card-title">{t('org.listOf', { name: scopeName })}</h2>}
            extra={selected && <Link to={`/org/units/${selected.id}`}>{t('org.openUnit', { name: scopeName })}</Link>}
            size="small"
          >
            <div role="search" className="hm-toolbar">
              <div className="hm-field hm-field-wide">
                <label htmlFor="org-search">{t('org.searchLabel')}</label>
                <Input.Search
                  id="org-search"
                  value={input}
                  placeholder={t('org.searchPlaceholder')}
                  aria-describedby="org-search-hint"
                  allowClear
                  enterButton={t('common.search')}
                  onChange={(e) => {
                    setInput(e.target.value);
                    if (e.target.value === '') setQ('');
                  }}
                  onSearch={(value) => setQ(value.trim())}
                />
                <span id="org-search-hint" className="hm-muted">
                  {t('org.searchHint', { name: scopeName })}
                </span>
              </div>
            </div>
            {selected && <UnitTable under={selected.id} q={q} caption={t('org.listOf', { name: scopeName })} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
