import type { FormInstance } from 'antd';
import type { ErrorBody } from '../../contract/common.ts';
import { ApiError, errorMessage } from './api.ts';

/** A form field's name path, as antd's Form takes it. */
export type FieldPath = Array<string | number>;

/**
 * The form field a server issue names: `body.items.2.text` → `['items', 2, 'text']` (the part of
 * the request it came from is dropped; indexes become numbers, as antd's Form.List names them).
 */
export function fieldPathOf(issuePath: string): FieldPath {
  const parts = issuePath.split('.').filter(Boolean);
  if (['body', 'querystring', 'params'].includes(parts[0] ?? '')) parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function holds(values: unknown, path: FieldPath): boolean {
  let at: unknown = values;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !(key in at)) return false;
    at = (at as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Marks on the form every field the server's issues name (schema errors and refusals such as
 * the unpaid rule's alike). A path the form does not hold is tried without its last parts
 * (`serviceItems.0` for `serviceItems.0.title` when the form edits the item whole); `rename`
 * maps a body field to the form field that edits it when the two are named differently.
 */
export function markIssues<T>(
  form: FormInstance<T>,
  issues: ErrorBody['issues'],
  rename: Record<string, FieldPath> = {},
): void {
  if (!issues?.length) return;
  const registered = form.getFieldsValue() as unknown;
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const issue of issues) {
    let name = fieldPathOf(issue.path);
    const renamed = rename[name.join('.')];
    if (renamed) name = renamed;
    while (name.length > 0 && !holds(registered, name)) name = name.slice(0, -1);
    if (name.length === 0) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  if (byField.size > 0) form.setFields([...byField.values()] as Parameters<FormInstance<T>['setFields']>[0]);
}

/**
 * The one way a console form shows a failed submit: the fields the server named are marked
 * (`markIssues`) and the message to show above the form is returned.
 */
export function markFieldErrors<T>(
  form: FormInstance<T>,
  err: unknown,
  rename: Record<string, FieldPath> = {},
): string {
  if (err instanceof ApiError) markIssues(form, err.issues, rename);
  return errorMessage(err);
}
