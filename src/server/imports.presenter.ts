import type { z } from 'zod';
import type { Locale } from '../contract/common.ts';
import type { importStatus } from '../contract/registry.ts';
import type { ImportProblem } from './import-runner.ts';
import type { ImportRow } from './imports.repository.ts';
import { importProblemMessage } from './i18n/import-messages.ts';

/**
 * An import's progress and, once validated, every problem with its row, the column's header
 * (from the import's template) and the reason in the reader's language.
 */
export function presentImportStatus(
  row: ImportRow,
  locale: Locale,
  columns: ReadonlyArray<{ key: string; header: string }>,
): z.infer<typeof importStatus> {
  const report = row.report_json ? (JSON.parse(row.report_json) as ImportProblem[] | { code: string }) : [];
  const problems = Array.isArray(report) ? report : [];
  const header = new Map<string, string>(columns.map((c) => [c.key, c.header.replace('*', '')]));
  return {
    id: row.id,
    filename: row.filename,
    status: row.status as z.infer<typeof importStatus>['status'],
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    errorRows: row.error_rows,
    duplicateRows: row.duplicate_rows,
    committedRows: row.committed_rows,
    problems: problems.map((p) => ({
      row: p.row,
      column: p.column,
      columnHeader: header.get(p.column) ?? p.column,
      problem: p.problem,
      message: importProblemMessage(p.problem, locale, p.other),
      other: p.other ?? null,
    })),
    createdAt: row.created_at,
  };
}
