import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { ExportOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCategories } from '../categories/use-categories.ts';
import { useAddressUnit } from '../org-units/use-address-unit.ts';
import { registryApi, type Volunteer } from './api.ts';
import { ExportModal } from './ExportModal.tsx';
import { ImportModal } from './ImportModal.tsx';
import { RegistryFilters, type RegistryFilterValues } from './RegistryFilters.tsx';
import { ScreeningModal } from './ScreeningModal.tsx';
import { VolunteerFormModal } from './VolunteerFormModal.tsx';
import { VolunteerTable } from './VolunteerTable.tsx';
import './registry.css';

const PAGE_SIZE = 20;

/** 志愿者登记册 (选好人): search, screening, forms, and Excel import and export. */
export default function RegistryPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  usePageTitle(t('registry.heading'));
  const categories = useCategories();
  // A unit's page opens the registry filtered to that unit (?under=).
  const address = useAddressUnit();
  const [filters, setFilters] = useState<RegistryFilterValues>(() => (address.under ? { under: address.under } : {}));
  const [page, setPage] = useState(1);
  const [searches, setSearches] = useState(0);
  // undefined: closed; null: new record.
  const [editing, setEditing] = useState<Volunteer | null | undefined>(undefined);
  const [screening, setScreening] = useState<Volunteer | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const loaded = useLoad(
    (signal) => registryApi.list({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    `${JSON.stringify(filters)}|${page}|${searches}`,
  );
  const hasUnitsBelow = me.unit.level !== 'community' && me.unit.level !== 'village' && me.unit.level !== 'enterprise';

  return (
    <>
      <h1 className="hm-page-title">{t('registry.heading')}</h1>
      <p className="hm-muted">{t('registry.intro', { unit: me.unit.name })}</p>
      {categories.error && <LoadError message={categories.error} onRetry={categories.reload} />}
      <RegistryFilters
        categories={categories}
        pickUnit={hasUnitsBelow}
        initialUnit={address.under ? { id: address.under, name: address.unit?.name ?? '' } : undefined}
        onApply={(values) => {
          setFilters(values);
          setPage(1);
          setSearches((n) => n + 1);
        }}
      />
      <Space wrap className="hm-reg-actions">
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
          {t('registry.create')}
        </Button>
        <Button icon={<ImportOutlined aria-hidden />} onClick={() => setImporting(true)}>
          {t('registry.import.open')}
        </Button>
        <Button icon={<ExportOutlined aria-hidden />} onClick={() => setExporting(true)}>
          {t('registry.export.open')}
        </Button>
      </Space>
      <VolunteerTable
        loaded={loaded}
        categories={categories}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        onEdit={setEditing}
        onScreen={setScreening}
      />
      <VolunteerFormModal
        open={editing !== undefined}
        volunteer={editing ?? null}
        categories={categories}
        onClose={() => setEditing(undefined)}
        onSaved={(v) => {
          setEditing(undefined);
          void message.success(t('registry.saved', { name: v.name }));
          loaded.reload();
        }}
      />
      <ScreeningModal
        volunteer={screening}
        onClose={() => setScreening(null)}
        onSaved={(v) => {
          setScreening(null);
          void message.success(t('registry.screen.done', { name: v.name }));
          loaded.reload();
        }}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} onCommitted={loaded.reload} />
      <ExportModal
        open={exporting}
        filters={filters}
        total={loaded.data?.total ?? 0}
        totalIsEstimate={loaded.data?.totalIsEstimate ?? false}
        onClose={() => setExporting(false)}
      />
    </>
  );
}
