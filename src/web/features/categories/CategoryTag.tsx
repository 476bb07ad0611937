import { Tag } from 'antd';
import type { Category } from './api.ts';
import { CategoryIcon } from './icons.tsx';
import { useI18n } from '../../lib/i18n/react.tsx';

/** A category as a coloured tag with its icon and its name in the current language. */
export function CategoryTag({ category }: { category: Category | undefined }) {
  const { locale, t } = useI18n();
  if (!category) return <Tag>{t('categories.none')}</Tag>;
  return (
    <Tag color={category.color} icon={<CategoryIcon name={category.icon} />} className="hm-category-tag">
      {category.name[locale]}
    </Tag>
  );
}
