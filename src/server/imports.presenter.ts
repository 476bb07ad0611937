import type { z } from 'zod';
import type { Locale } from '../contract/common.ts';
import type { importStatus } from '../contract/registry.ts';
import type { ImportProblem } from './import-runner.ts';
import type { ImportRow } from './imports.repository.ts';
import { importCellMessage } from './i18n/import-messages.ts';

/** What a dry run stored about a file (see import-runner.ts; notices and updates are the registry's). */
interface StoredReport {
  problems: ImportProblem[];
  notices?: ImportProblem[];
  updates?: Array<{ row: number; recordId: number; name: string; columns: string[] }>;
  unchanged?: number;
}

/** The stored report, whatever its age: a bare list of problems (older imports), a report, or a failure's code. */
function storedReport(json: string | null): StoredReport {
  const parsed = json ? (JSON.parse(json) as StoredReport | ImportProblem[] | { code: string }) : [];
  if (Array.isArray(parsed)) return { problems: parsed };
  return 'problems' in parsed ? parsed : { problems: [] };
}

/**
 * An import's progress and, once validated, every problem with its row, the column's header
 * (from the import's template) and the reason in the reader's language, quoting the cell.
 */
export function presentImportStatus(
  row: ImportRow,
  locale: Locale,
  columns: ReadonlyArray<{ key: string; header: string }>,
): z.infer<typeof importStatus> {
  const report = storedReport(row.report_json);
  const header = new Map<string, string>(columns.map((c) => [c.key, c.header.replace('*', '')]));
  const headerOf = (key: string) => header.get(key) ?? key;
  return {
    id: row.id,
    filename: row.filename,
    status: row.status as z.infer<typeof importStatus>['status'],
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    errorRows: row.error_rows,
    duplicateRows: row.duplicate_rows,
    committedRows: row.committed_rows,
    problems: report.problems.map((p) => ({
      row: p.row,
      column: p.column,
      columnHeader: headerOf(p.column),
      problem: p.problem,
      message: importCellMessage(p, locale),
      other: p.other ?? null,
      value: p.value ?? null,
    })),
    notices: (report.notices ?? []).map((n) => ({
      row: n.row,
      columnHeader: headerOf(n.column),
      message: importCellMessage(n, locale),
    })),
    updates: (report.updates ?? []).map((u) => ({
      row: u.row,
      recordId: u.recordId,
      name: u.name,
      columns: u.columns.map(headerOf),
    })),
    unchangedRows: report.unchanged ?? 0,
    createdAt: row.created_at,
  };
}
