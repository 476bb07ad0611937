import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useI18n } from '../../lib/i18n/react.tsx';

/**
 * The change against the previous period, in words as well as an arrow and colour (colour
 * alone would not reach everyone). More needs is shown red: it is the pressing direction.
 */
export function Trend({ count, previous }: { count: number; previous: number }) {
  const { t } = useI18n();
  const change = count - previous;
  if (change === 0) {
    return (
      <span className="hm-muted">
        <MinusOutlined aria-hidden /> {t('pressing.trend.same')}
      </span>
    );
  }
  const pct = previous > 0 ? Math.round((Math.abs(change) / previous) * 100) : null;
  const text =
    change > 0
      ? pct === null
        ? t('pressing.trend.upNew', { n: change })
        : t('pressing.trend.up', { n: change, pct })
      : t('pressing.trend.down', { n: -change, pct: pct ?? 0 });
  return (
    <span className={change > 0 ? 'hm-trend-up' : 'hm-trend-down'}>
      {change > 0 ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {text}
    </span>
  );
}
