import { setImmediate as nextTurn } from 'node:timers/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

// A streaming reader of the first sheet of an .xlsx: the zip's entries are inflated piece by
// piece and the sheet's XML is cut into rows as it arrives, so a 100,000-row upload never
// exists as a whole object model (exceljs's `load` took about 700 MB for one). exceljs's own
// streaming reader is not used: it decodes each decompressed chunk on its own and corrupts
// Chinese characters that straddle two chunks; here one streaming TextDecoder reads the entry.

/** A zip entry: where its data starts, its compressed size and how it was compressed. */
interface Entry {
  name: string;
  method: number;
  offset: number;
  size: number;
}

class BadWorkbook extends Error {}

/** The entries of a zip, from its central directory. */
function zipEntries(zip: Buffer): Map<string, Entry> {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw new BadWorkbook('not a zip');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Entry>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new BadWorkbook('bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new BadWorkbook('bad local header');
    entries.set(name.replace(/^\//, ''), {
      name,
      method: zip.readUInt16LE(at + 10),
      size: zip.readUInt32LE(at + 20),
      offset: local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** A small entry's whole text (workbook, relations, styles). */
function entryText(zip: Buffer, entry: Entry | undefined): string {
  if (!entry) return '';
  const data = zip.subarray(entry.offset, entry.offset + entry.size);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

/** A large entry's text, piece by piece, decoded across the pieces' boundaries. */
async function* entryPieces(zip: Buffer, entry: Entry): AsyncGenerator<string> {
  const data = zip.subarray(entry.offset, entry.offset + entry.size);
  const decoder = new TextDecoder('utf-8');
  if (entry.method !== 8) {
    yield decoder.decode(data);
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.end(data);
  for await (const chunk of inflate as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML text with its character references resolved. */
function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : (entities[e] ?? m),
  );
}

const attrPatterns = new Map<string, RegExp>();
/** An attribute's value in a tag's attribute text. */
function attr(attrs: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) attrPatterns.set(name, (pattern = new RegExp(`\\b${name}="([^"]*)"`)));
  return pattern.exec(attrs)?.[1];
}

/** The text of a string item (`<si>` or `<is>`): its runs joined, phonetic guides left out. */
function stringItem(xml: string): string {
  let text = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g))
    text += m[1] ?? '';
  return unescapeXml(text);
}

/** Every complete `<tag …>…</tag>` (or `<tag …/>`) element of the text, as its pieces arrive. */
async function* elements(pieces: AsyncIterable<string>, tag: string): AsyncGenerator<string> {
  const open = new RegExp(`<${tag}[\\s>/]`, 'g');
  const close = `</${tag}>`;
  let pending = '';
  for await (const piece of pieces) {
    pending += piece;
    let from = 0;
    for (;;) {
      open.lastIndex = from;
      const start = open.exec(pending)?.index;
      if (start === undefined) {
        // Keep a tail that may hold the start of the next element's tag.
        from = Math.max(from, pending.length - tag.length - 2);
        break;
      }
      const head = pending.indexOf('>', start);
      const empty = head > 0 && pending[head - 1] === '/';
      const stop = head < 0 ? -1 : empty ? head + 1 : pending.indexOf(close, head);
      if (stop < 0) {
        from = start;
        break;
      }
      const endAt = empty ? stop : stop + close.length;
      yield pending.slice(start, endAt);
      from = endAt;
    }
    pending = pending.slice(from);
  }
}

// Number formats Excel shows as dates: the built-in ones, and custom ones with date parts.
const dateFormatIds = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const isDateFormat = (code: string) =>
  /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );

/** Which cell styles (by index) show a number as a date. */
function dateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g))
    custom.set(Number(attr(m[1] ?? '', 'numFmtId')), unescapeXml(attr(m[1] ?? '', 'formatCode') ?? ''));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const dates = new Set<number>();
  let n = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*)>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : dateFormatIds.has(id)) dates.add(n);
    n += 1;
  }
  return dates;
}

/** Column number (1-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

/** A sheet row: its number and its cells' text by column number (1-based; a missing cell is undefined). */
export interface SheetRow {
  row: number;
  cells: Array<string | undefined>;
}

/** How a workbook's cells are read: its shared strings, date styles and date system. */
interface Book {
  strings: string[];
  dates: Set<number>;
  epoch: number;
}

/** The text between `<tag>` and `</tag>` (no attributes) in `xml`, or undefined. */
function between(xml: string, open: string, close: string): string | undefined {
  const from = xml.indexOf(open);
  if (from < 0) return undefined;
  const to = xml.indexOf(close, from + open.length);
  return to < 0 ? undefined : xml.slice(from + open.length, to);
}

/** An inline string: the common single plain run read directly, anything richer by `stringItem`. */
function inlineString(inner: string): string {
  const is = between(inner, '<is>', '</is>') ?? '';
  if (is.startsWith('<t>') && is.endsWith('</t>') && is.indexOf('<', 3) === is.length - 4)
    return unescapeXml(is.slice(3, -4));
  return stringItem(is);
}

/** A cell's text as exceljs's reading gave it (numbers as written, dates as YYYY-MM-DD), untrimmed. */
function cellValue(book: Book, attrs: string, inner: string): string {
  const type = attr(attrs, 't') ?? 'n';
  if (type === 'inlineStr') return inlineString(inner);
  const v = unescapeXml(between(inner, '<v>', '</v>') ?? '');
  if (v === '') return '';
  if (type === 's') return book.strings[Number(v)] ?? '';
  if (type === 'b') return v === '1' ? 'true' : 'false';
  if (type === 'd') return v.slice(0, 10);
  if (type !== 'n') return v;
  const num = Number(v);
  if (book.dates.has(Number(attr(attrs, 's') ?? -1)) && Number.isFinite(num))
    return new Date(Math.round((num - book.epoch) * 86_400_000)).toISOString().slice(0, 10);
  return String(num);
}

/**
 * A string of its own: V8 keeps a slice of 13 or more characters as a view into the string it
 * was cut from, so a kept cell (an ID number) would hold the row's XML and the whole decoded
 * piece of the sheet it came from alive for as long as the checked row lives (a 100,000-row
 * import held every piece of its sheet). Shorter slices are copies already.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Parses one `<row>` element, cell by cell with indexOf (the hot loop of a large import). */
function parseRow(book: Book, xml: string, previous: number): SheetRow {
  const headEnd = xml.indexOf('>');
  const row = Number(attr(xml.slice(0, headEnd), 'r') ?? previous + 1);
  const cells: Array<string | undefined> = [];
  let column = 0;
  let at = headEnd;
  for (;;) {
    at = xml.indexOf('<c', at);
    if (at < 0) break;
    const next = xml[at + 2];
    if (next !== ' ' && next !== '>' && next !== '/') {
      at += 2;
      continue;
    }
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) break;
    const empty = xml[tagEnd - 1] === '/';
    const attrs = xml.slice(at + 2, empty ? tagEnd - 1 : tagEnd);
    let inner = '';
    if (empty) at = tagEnd + 1;
    else {
      const close = xml.indexOf('</c>', tagEnd);
      if (close < 0) break;
      inner = xml.slice(tagEnd + 1, close);
      at = close + 4;
    }
    const ref = attr(attrs, 'r');
    column = ref ? columnOf(ref) : column + 1;
    cells[column] = own(cellValue(book, attrs, inner));
  }
  return { row, cells };
}

/** How long the reader works before letting other requests in (ms). */
const SLICE_MS = 10;

/**
 * The rows of the first sheet of an .xlsx, streamed. Throws on a file that is not a
 * workbook. Gives the event loop a turn every few milliseconds, so requests are not kept
 * waiting while a large file is read.
 */
export async function* readFirstSheet(zip: Buffer): AsyncGenerator<SheetRow> {
  let entries: Map<string, Entry>;
  try {
    entries = zipEntries(zip);
  } catch (err) {
    throw new Error(`not an .xlsx workbook: ${String(err)}`, { cause: err });
  }
  const workbook = entryText(zip, entries.get('xl/workbook.xml'));
  const rels = entryText(zip, entries.get('xl/_rels/workbook.xml.rels'));
  const firstSheet = /<sheet\b([^>]*)>/.exec(workbook)?.[1];
  if (firstSheet === undefined) throw new Error('workbook without sheets');
  const relId = attr(firstSheet, 'r:id');
  let target = 'worksheets/sheet1.xml';
  for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g))
    if (attr(m[1] ?? '', 'Id') === relId) target = attr(m[1] ?? '', 'Target') ?? target;
  const sheetName = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheet = entries.get(sheetName);
  if (!sheet) throw new Error(`sheet ${sheetName} missing`);

  const book: Book = {
    strings: [],
    dates: dateStyles(entryText(zip, entries.get('xl/styles.xml'))),
    epoch: /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook) ? 24_107 : 25_569,
  };
  const shared = entries.get('xl/sharedStrings.xml');
  if (shared) for await (const si of elements(entryPieces(zip, shared), 'si')) book.strings.push(own(stringItem(si)));

  let slice = performance.now();
  let previous = 0;
  for await (const xml of elements(entryPieces(zip, sheet), 'row')) {
    const r = parseRow(book, xml, previous);
    previous = r.row;
    yield r;
    if (performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
  }
}
