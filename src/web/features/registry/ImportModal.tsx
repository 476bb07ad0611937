import { useState } from 'react';
import { Alert, App, Button, Modal, Progress, Result, Segmented, Space, Spin, Statistic, Table, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorMessage } from '../../lib/api.ts';
import { ImportChanges } from './ImportChanges.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { registryImportPaths, type ImportPaths, type ImportProblem, type ImportStatus } from './api.ts';
import { downloadFile } from './files.ts';
import { useImport } from './use-import.ts';

type Show = 'all' | 'errors' | 'duplicates';
const isDuplicate = (p: ImportProblem) => p.problem.startsWith('duplicate');

interface Props {
  open: boolean;
  onClose(): void;
  /** Called after rows were written, so the list can reload. */
  onCommitted(): void;
  /** Which import (the registry's by default). */
  paths?: ImportPaths;
  /** The dialog's title and introduction when not the registry's. */
  title?: string;
  intro?: string;
  /** The confirmation's question and warning when not the registry's (it writes something else). */
  confirm?: { title: (count: number) => string; body: string };
}

/** Good rows: those with no problem of either kind. */
function goodRows(s: ImportStatus): number {
  return s.totalRows - new Set(s.problems.map((p) => p.row)).size;
}

/**
 * 批量导入: template download, upload, the dry run's progress, its report by row and
 * column, and the choice to import every row (only when all are good) or only the good ones.
 */
export function ImportModal({ open, onClose, onCommitted, paths = registryImportPaths, title, intro, confirm }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const run = useImport(paths);
  const [show, setShow] = useState<Show>('all');
  const [downloading, setDownloading] = useState(false);
  // Committing writes many people at once: the choice waits here for the one confirmation.
  const [committing, setCommitting] = useState<{ mode: 'all' | 'valid'; count: number } | null>(null);
  const { phase, status, error } = run;

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      await downloadFile(paths.template, {}, paths.templateFile, locale);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  const close = () => {
    if (phase === 'committed') onCommitted();
    run.reset();
    setShow('all');
    onClose();
  };

  const chooser = (label: string, primary: boolean) => (
    <Upload
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      showUploadList={false}
      maxCount={1}
      beforeUpload={(file) => {
        setShow('all');
        void run.upload(file);
        return Upload.LIST_IGNORE;
      }}
    >
      <Button type={primary ? 'primary' : 'default'} icon={<UploadOutlined aria-hidden />} data-testid="import-choose">
        {label}
      </Button>
    </Upload>
  );

  const problems = (status?.problems ?? []).filter((p) =>
    show === 'all' ? true : show === 'duplicates' ? isDuplicate(p) : !isDuplicate(p),
  );
  const columns: TableColumnsType<ImportProblem> = [
    { title: t('registry.import.col.row'), dataIndex: 'row', key: 'row', width: 72 },
    { title: t('registry.import.col.column'), dataIndex: 'columnHeader', key: 'column' },
    { title: t('registry.import.col.message'), dataIndex: 'message', key: 'message' },
  ];

  const footer = () => {
    if (phase === 'report' && status) {
      const good = goodRows(status);
      const clean = status.problems.length === 0;
      return (
        <Space wrap>
          {chooser(t('registry.import.uploadFixed'), false)}
          {/* Importing every row is only possible when every row is good (the server refuses otherwise). */}
          <Button
            type={clean ? 'primary' : 'default'}
            onClick={() => setCommitting({ mode: 'all', count: status.totalRows })}
            disabled={!clean || good === 0}
            aria-describedby={clean ? undefined : 'import-all-hint'}
          >
            {t('registry.import.commitAll', { count: status.totalRows })}
          </Button>
          {!clean && (
            <Button type="primary" onClick={() => setCommitting({ mode: 'valid', count: good })} disabled={good === 0}>
              {t('registry.import.commitValid', { count: good })}
            </Button>
          )}
        </Space>
      );
    }
    if (phase === 'committed') {
      return (
        <Button type="primary" onClick={close}>
          {t('registry.import.done')}
        </Button>
      );
    }
    return <Button onClick={close}>{t('registry.import.close')}</Button>;
  };

  return (
    <Modal
      open={open}
      title={title ?? t('registry.import.title')}
      onCancel={close}
      footer={footer()}
      width={960}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <div aria-live="polite" data-testid="import-panel" data-phase={phase}>
        {phase === 'idle' && (
          <>
            <p>{intro ?? t('registry.import.intro')}</p>
            <ol className="hm-reg-steps">
              <li>{t('registry.import.step1')}</li>
              <li>{t('registry.import.step2')}</li>
              <li>{t('registry.import.step3')}</li>
            </ol>
            <Space wrap>
              <Button
                icon={<DownloadOutlined aria-hidden />}
                loading={downloading}
                onClick={() => void downloadTemplate()}
              >
                {t('registry.import.template')}
              </Button>
              {chooser(t('registry.import.choose'), true)}
            </Space>
          </>
        )}
        {phase === 'uploading' && <Spin description={t('registry.import.uploading')} />}
        {phase === 'checking' && (
          <div className="hm-reg-progress">
            <p>{t('registry.import.checking', { filename: status?.filename ?? '' })}</p>
            {/* The dry run reads the workbook as a stream, so its row count is known only at the end:
                until then the progress is the number of rows checked so far. */}
            {status && status.totalRows > 0 ? (
              <Progress
                percent={Math.floor((status.processedRows / status.totalRows) * 100)}
                status="active"
                aria-label={t('registry.import.progressLabel')}
              />
            ) : (
              <Spin />
            )}
            <p className="hm-muted" data-testid="import-processed">
              {t('registry.import.processed', { count: status?.processedRows ?? 0 })}
            </p>
          </div>
        )}
        {phase === 'committing' && <Spin description={t('registry.import.committing')} />}
        {phase === 'failed' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="error" showIcon role="alert" title={error ?? t('registry.import.unreadable')} />
            {chooser(t('registry.import.chooseAgain'), true)}
          </Space>
        )}
        {phase === 'committed' && status && (
          <Result
            status="success"
            title={
              <h2 className="hm-result-title">{t('registry.import.committed', { count: status.committedRows })}</h2>
            }
            subTitle={t('registry.import.committedHint')}
          />
        )}
        {phase === 'report' && status && (
          <>
            {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
            <div className="hm-reg-stats" data-testid="import-summary">
              <Statistic title={t('registry.import.total')} value={status.totalRows} />
              <Statistic title={t('registry.import.good')} value={goodRows(status)} />
              <Statistic
                title={t('registry.import.errorRows')}
                value={status.errorRows}
                styles={status.errorRows ? { content: { color: '#b91c1c' } } : undefined}
              />
              <Statistic
                title={t('registry.import.duplicateRows')}
                value={status.duplicateRows}
                styles={status.duplicateRows ? { content: { color: '#b45309' } } : undefined}
              />
            </div>
            <ImportChanges status={status} />
            {status.problems.length === 0 ? (
              <Alert type="success" showIcon title={t('registry.import.allGood', { count: status.totalRows })} />
            ) : (
              <>
                <Alert
                  type="warning"
                  showIcon
                  title={
                    <span id="import-all-hint">{t('registry.import.hasProblems', { count: goodRows(status) })}</span>
                  }
                  style={{ marginBottom: 12 }}
                />
                <div className="hm-toolbar">
                  <Segmented<Show>
                    aria-label={t('registry.import.show')}
                    value={show}
                    onChange={setShow}
                    options={[
                      { value: 'all', label: t('registry.import.showAll', { count: status.problems.length }) },
                      { value: 'errors', label: t('registry.import.showErrors') },
                      { value: 'duplicates', label: t('registry.import.showDuplicates') },
                    ]}
                  />
                </div>
                <div data-testid="import-report">
                  <Table<ImportProblem>
                    rowKey={(p) => `${p.row}|${p.column}|${p.problem}`}
                    size="small"
                    columns={columns}
                    dataSource={problems}
                    caption={<span className="hm-visually-hidden">{t('registry.import.reportCaption')}</span>}
                    pagination={{
                      pageSize: 10,
                      showSizeChanger: false,
                      showTotal: (total) => t('common.total', { total }),
                    }}
                  />
                </div>
              </>
            )}
          </>
        )}
      </div>
      {committing && (
        <ConfirmDialog
          open
          title={confirm?.title(committing.count) ?? t('registry.import.confirmTitle', { count: committing.count })}
          okText={t('registry.import.confirmOk', { count: committing.count })}
          onConfirm={() => {
            setCommitting(null);
            void run.commit(committing.mode);
          }}
          onCancel={() => setCommitting(null)}
        >
          <p>{confirm?.body ?? t('registry.import.confirmBody')}</p>
        </ConfirmDialog>
      )}
    </Modal>
  );
}
