import type { Category } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import type { FieldA11y } from './Field.tsx';

interface CategorySelectProps extends FieldA11y {
  categories: readonly Category[];
  value: number | null;
  onChange(id: number | null): void;
  /** The label of the empty choice: "all categories" for a filter, "choose…" for a form. */
  emptyLabel: string;
  required?: boolean;
}

/** A native select of service categories in the page's language (native: the phone's own picker). */
export function CategorySelect({ categories, value, onChange, emptyLabel, required, ...a11y }: CategorySelectProps) {
  const { locale } = useT();
  return (
    <select
      {...a11y}
      className="r-input"
      required={required}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    >
      <option value="">{emptyLabel}</option>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name[locale]}
        </option>
      ))}
    </select>
  );
}

/** Category names for a list of ids, in the page's language. */
export function categoryNames(
  categories: readonly Category[] | undefined,
  ids: readonly number[],
  locale: keyof Category['name'],
): string[] {
  return ids.map((id) => categories?.find((c) => c.id === id)?.name[locale] ?? '').filter(Boolean);
}
