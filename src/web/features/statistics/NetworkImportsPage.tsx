import { useState } from 'react';
import { Button, Card, Space } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../lib/i18n/react.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import type { ImportPaths } from '../registry/api.ts';
import { ImportModal } from '../registry/ImportModal.tsx';
import './statistics.css';

/** The two imports of the existing network, by the server's path segment. */
const imports = {
  studios: {
    template: '/api/network-imports/studios/template.xlsx',
    templateFile: 'studios-template.xlsx',
    upload: '/api/network-imports/studios',
  },
  'service-records': {
    template: '/api/network-imports/service-records/template.xlsx',
    templateFile: 'service-records-template.xlsx',
    upload: '/api/network-imports/service-records',
  },
} satisfies Record<string, ImportPaths>;
type Kind = keyof typeof imports;

/**
 * 导入原有网络: the studios as they stand and the paper record books (服务记录本) as history,
 * each through the registry import's template → dry run → report → commit.
 */
export default function NetworkImportsPage() {
  const { t } = useI18n();
  usePageTitle(t('networkImport.heading'));
  const [open, setOpen] = useState<Kind | null>(null);
  const [done, setDone] = useState<Kind | null>(null);
  return (
    <div className="hm-page">
      <h1>{t('networkImport.heading')}</h1>
      <p className="hm-muted">{t('networkImport.intro')}</p>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {(Object.keys(imports) as Kind[]).map((kind) => (
          <Card key={kind} title={<h2 className="hm-card-title">{t(`networkImport.${kind}.title`)}</h2>}>
            <p>{t(`networkImport.${kind}.about`)}</p>
            {done === kind && <p role="status">{t('networkImport.committed')}</p>}
            <Button type="primary" icon={<UploadOutlined aria-hidden />} onClick={() => setOpen(kind)}>
              {t(`networkImport.${kind}.open`)}
            </Button>
          </Card>
        ))}
      </Space>
      {open && (
        <ImportModal
          open
          paths={imports[open]}
          title={t(`networkImport.${open}.title`)}
          intro={t(`networkImport.${open}.about`)}
          onClose={() => setOpen(null)}
          onCommitted={() => setDone(open)}
          confirm={{
            title: (count) => t(`networkImport.${open}.confirmTitle`, { count }),
            body: t('networkImport.confirmBody'),
          }}
        />
      )}
    </div>
  );
}
