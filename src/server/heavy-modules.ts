// Libraries that take a tenth of a second or more to load and serve only some requests
// (spreadsheets, Word and PDF documents): loaded on first use, so a server starts without
// them. Together they were over a second of every start-up. Node keeps a module once loaded,
// so later calls cost a resolved promise.

/** exceljs: exports, templates, year-end workbooks. */
export const loadExcel = async () => (await import('exceljs')).default;

/** docx: the bulletin, the commendation notice and year-end sheets as Word documents. */
export const loadDocx = () => import('docx');

/** pdfkit: every PDF document. */
export const loadPdfKit = async () => (await import('pdfkit')).default;

/** pinyin-pro, through the search keys of names: only writes of people and units need it. */
export const loadSearchKeys = async () => (await import('../domain/text/search-keys.ts')).searchKeysOf;
