import { Alert, Button, Progress, Space, Spin } from 'antd';
import { useI18n } from '../../lib/i18n/react.tsx';
import { CategoryTag } from '../categories/CategoryTag.tsx';
import type { Categories } from '../categories/use-categories.ts';
import { percent } from './labels.ts';
import type { SuggestionState } from './use-suggestion.ts';

interface Props {
  state: SuggestionState;
  categories: Categories;
  /** Picks one of the ranked categories with one click. */
  onPick(categoryId: number): void;
}

/**
 * What the classifier makes of the text so far: the suggested category with its confidence,
 * or, below the threshold, a request that a person choose (with the top candidates as buttons).
 * A live region, so a screen reader hears the suggestion change while typing.
 */
export function SuggestionPanel({ state, categories, onPick }: Props) {
  const { t } = useI18n();
  const { suggestion, loading, error } = state;

  let body;
  if (error) body = <Alert type="error" showIcon title={error} />;
  else if (!suggestion)
    body = <span className="hm-muted">{loading ? t('needs.suggest.thinking') : t('needs.suggest.idle')}</span>;
  else if (suggestion.categoryId === null) body = <Alert type="warning" showIcon title={t('needs.suggest.none')} />;
  else {
    const ranked = suggestion.ranking.filter((r) => categories.byId.has(r.categoryId));
    body = (
      <div data-testid="need-suggestion" data-ask={suggestion.askAPerson ? '1' : '0'}>
        <Space wrap align="center">
          <span>{t('needs.suggest.label')}</span>
          <CategoryTag category={categories.byId.get(suggestion.categoryId)} />
          <span>{t('needs.suggest.confidence', { p: percent(suggestion.confidence) })}</span>
          {loading && <Spin size="small" />}
        </Space>
        <Progress
          percent={Math.round(suggestion.confidence * 100)}
          size="small"
          status={suggestion.askAPerson ? 'exception' : 'success'}
          showInfo={false}
          aria-label={t('needs.suggest.confidenceLabel')}
          style={{ maxWidth: 320 }}
        />
        {suggestion.askAPerson ? (
          <Alert
            type="warning"
            showIcon
            title={t('needs.suggest.ask')}
            description={
              <Space wrap>
                {ranked.map((r) => (
                  <Button key={r.categoryId} size="small" onClick={() => onPick(r.categoryId)}>
                    {categories.nameOf(r.categoryId)} · {percent(r.p)}
                  </Button>
                ))}
              </Space>
            }
          />
        ) : (
          <p className="hm-muted">{t('needs.suggest.confident')}</p>
        )}
      </div>
    );
  }
  return (
    <div className="hm-need-suggestion" aria-live="polite" aria-atomic="true">
      {body}
    </div>
  );
}
