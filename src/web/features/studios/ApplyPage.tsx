import { useState } from 'react';
import { App, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { isGrassroots } from '../../../domain/org-units/units.ts';
import { useAbilities } from '../../app/abilities.ts';
import { useMe } from '../../app/session.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { ApplicationForm } from './ApplicationForm.tsx';
import { studiosApi, type StudioApplication } from './api.ts';
import './studios.css';

/**
 * 申办工作室 (a member) or 推荐 (a community or street organisation): a new application, or the
 * draft `:id` being edited. Saving keeps a draft; submitting saves and sends it for review.
 */
export default function ApplyPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const draftId = params.id ? Number(params.id) : undefined;
  const { may, scope } = useAbilities();
  // 申办 when the member applies for its own studio, 推荐 when an organisation puts one forward.
  const isMember = scope('submit', 'studio') === 'own';
  // Above the grassroots, whoever may start an application picks the community it is for.
  const picksUnit = may('create', 'studio') && !isGrassroots(me.unit.level);
  const heading = t(
    draftId ? 'studios.apply.editHeading' : isMember ? 'studios.apply.heading' : 'studios.apply.recommendHeading',
  );
  usePageTitle(heading);
  // A street admin's choice of community decides whose party members can be picked.
  const [unitId, setUnitId] = useState<number | undefined>(undefined);

  const { data, error, reload } = useLoad(
    async (signal) => {
      const draft = draftId ? await studiosApi.get(draftId, signal) : undefined;
      const under = unitId ?? draft?.unitId;
      const [categories, volunteers] = await Promise.all([
        studiosApi.categories(signal),
        studiosApi.candidates(picksUnit ? under : undefined, signal),
      ]);
      return { draft, categories, volunteers };
    },
    `${draftId ?? 'new'}|${unitId ?? ''}`,
  );

  // Once saved, the draft is updated rather than created again, e.g. when submitting was refused.
  const [savedId, setSavedId] = useState(draftId);
  const onSave = async (body: StudioApplication, submit: boolean) => {
    const saved = savedId ? await studiosApi.update(savedId, body) : await studiosApi.create(body);
    setSavedId(saved.id);
    if (submit) await studiosApi.submit(saved.id);
    void message.success(t(submit ? 'studios.apply.submitted' : 'studios.apply.saved', { name: saved.name }));
    navigate(`/studios/${saved.id}`);
  };

  const self = isMember ? data?.volunteers.find((v) => v.accountId === me.id) : undefined;
  const draftEditable = !data?.draft || data.draft.allowedActions.includes('edit');

  return (
    <>
      <h1 className="hm-page-title">{heading}</h1>
      {error ? (
        <LoadError message={error} onRetry={reload} />
      ) : !data ? (
        <Spin className="hm-page-spin" description={t('common.loading')} />
      ) : !draftEditable ? (
        <LoadError message={t('studios.apply.notEditable')} />
      ) : (
        <ApplicationForm
          key={data.draft?.id ?? 'new'}
          draft={data.draft}
          categories={data.categories}
          volunteers={data.volunteers}
          self={self}
          onSave={onSave}
          onUnitChange={setUnitId}
        />
      )}
    </>
  );
}
