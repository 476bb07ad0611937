import { Alert, Button, Col, Result, Row, Space, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { useAbilities } from '../../app/abilities.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { studiosApi } from './api.ts';
import { DocumentLinks } from './DocumentLinks.tsx';
import { StatusTag } from './StatusTag.tsx';
import { StudioActions } from './StudioActions.tsx';
import { StudioHistory } from './StudioHistory.tsx';
import { StudioProgressBar } from './StudioProgressBar.tsx';
import { StudioInfo } from './StudioInfo.tsx';
import { StudioRecords } from './StudioRecords.tsx';
import './studios.css';

/** Statuses whose reason the viewer must see first (the server also keeps notes of other steps). */
const EXPLAINED = new Set(['rejected', 'rectification', 'revoked', 'closed']);
/** Statuses in which a studio keeps public commitments. */
const COMMITTING = new Set(['contracted', 'active', 'rectification']);

/**
 * One studio: where it stands and why, what this viewer may do next, its documents, the
 * application, the review, contract, plaque and rectification records, and its history.
 * A studio outside the viewer's scope answers 404 on the server and shows "not found" here.
 */
export default function StudioDetailPage() {
  const { t } = useI18n();
  const { mayOpen, scope } = useAbilities();
  // A member keeps the commitments of its own studios only; the organisations, of any in scope.
  const commitments = scope('update', 'commitment');
  const id = Number(useParams().id);
  const { data, error, reload } = useLoad(async (signal) => {
    try {
      const [studio, categories, mine] = await Promise.all([
        studiosApi.get(id, signal),
        studiosApi.categories(signal),
        // Which studios are the member's own, the API says.
        commitments === 'own' ? studiosApi.list({ mine: '1', limit: 500 }, signal) : Promise.resolve(null),
      ]);
      const own = mine ? mine.items.some((s) => s.id === id) : commitments !== null;
      return { studio, categories, own };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }, String(id));
  const studio = data?.studio;
  usePageTitle(studio?.name ?? t('studios.detail.heading'));

  if (error) return <LoadError message={error} onRetry={reload} />;
  if (data === null || !Number.isInteger(id)) {
    return (
      <Result
        status="404"
        title={<h1 className="hm-result-title">{t('studios.detail.notFound')}</h1>}
        subTitle={t('studios.detail.notFoundBody')}
      />
    );
  }
  if (!data || !studio) return <Spin className="hm-page-spin" description={t('common.loading')} />;

  return (
    <div className="hm-studio-detail" data-studio-id={studio.id} data-status={studio.status}>
      <h1 className="hm-page-title">{studio.name}</h1>
      <Space wrap className="hm-studio-summary">
        <StatusTag status={studio.status} />
        {studio.plaqueNumber && <span>{t('studios.detail.plaqueLine', { number: studio.plaqueNumber })}</span>}
        <span className="hm-muted">{studio.unitName}</span>
      </Space>
      <StudioProgressBar studio={studio} />
      {studio.statusReason && EXPLAINED.has(studio.status) && (
        <Alert
          type={studio.status === 'rectification' ? 'warning' : 'error'}
          showIcon
          title={t('studios.detail.reason')}
          description={studio.statusReason}
          className="hm-studio-reason"
          data-testid="status-reason"
        />
      )}
      <StudioActions studio={studio} onChanged={reload} />
      {data.own && COMMITTING.has(studio.status) && (
        <p>
          <Link to={`/studios/${studio.id}/commitments`}>{t('studios.detail.commitmentsLink')}</Link>
        </p>
      )}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={15}>
          <StudioInfo studio={studio} categories={data.categories} />
          <StudioRecords studio={studio} />
        </Col>
        <Col xs={24} xl={9}>
          <DocumentLinks studio={studio} />
          <StudioHistory studio={studio} />
        </Col>
      </Row>
      <Link to={mayOpen('/my-studios') ? '/my-studios' : '/studios'}>
        <Button tabIndex={-1}>{t('studios.detail.back')}</Button>
      </Link>
    </div>
  );
}
