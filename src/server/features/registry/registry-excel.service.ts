import { templateColumns, type RawRow } from '../../../domain/registry/import-rows.ts';
import { readSheetRows } from '../../import-sheets.ts';

// Reading what staff upload; writing workbooks is registry-excel.presenter.ts.

/** Reads the registry template's rows from an uploaded workbook (see `readSheetRows`). */
export function readRegistryRows(file: Buffer): AsyncGenerator<{ row: number; raw: RawRow }> {
  return readSheetRows(file, templateColumns);
}
