// Test support: reads rendered PDFs back the way a person's viewer would, through poppler.
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
// jsqr is CommonJS declaring `export default`: under NodeNext its default import is the module, whose `default` is the decoder.
import jsqr from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/** Throws, with the fix, when poppler's tools are missing: a PDF test must fail, never pass unchecked. */
export function requirePoppler(): void {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'pdftoppm/pdftotext are not installed; install them with `apt-get install -y poppler-utils` (CI must too).',
    );
  }
}

// Poppler reads files, so each call gets a scratch directory it removes afterwards.
async function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'huimin-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text a viewer would copy out of the PDF (pdftotext), which needs the right glyphs and ToUnicode maps. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout);
}

/** A word pdftotext found, on page `page` (1-based), with its box in points from the page's top left. */
export type PdfWord = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number };

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every word with where it is (pdftotext -bbox): to check what is printed where, and how large. */
export async function pdfWords(pdf: Buffer): Promise<PdfWord[]> {
  const { stdout } = await withPdfFile(pdf, (file) =>
    run('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 }),
  );
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of stdout.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (!m) continue;
    const text = (m[5] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => xmlEntities[name] ?? '');
    words.push({ page, text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return words;
}

/** `pdfinfo` as key/value pairs: Pages, Page size, Title, … */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  const { stdout } = await withPdfFile(pdf, (file) => run('pdfinfo', ['-enc', 'UTF-8', file]));
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** The fonts the PDF uses, with whether each is embedded, subset and has a Unicode map (pdffonts). */
export async function pdfFonts(
  pdf: Buffer,
): Promise<Array<{ name: string; isEmbedded: boolean; isSubset: boolean; hasUnicode: boolean }>> {
  const { stdout } = await withPdfFile(pdf, (file) => run('pdffonts', [file]));
  // Rows follow two header lines; the yes/no columns are the 3rd to 5th from the end.
  return stdout
    .trim()
    .split('\n')
    .slice(2)
    .map((row) => {
      const cells = row.trim().split(/\s+/);
      const flag = (fromEnd: number) => cells[cells.length - fromEnd] === 'yes';
      return { name: cells[0] ?? '', isEmbedded: flag(5), isSubset: flag(4), hasUnicode: flag(3) };
    });
}

/** Each page as a PNG (pdftoppm at `dpi`), first page first; `keep` also leaves copies as `<dir>/<name>-<n>.png` to look at. */
export async function pdfPages(pdf: Buffer, dpi: number, keep?: { dir: string; name: string }): Promise<Buffer[]> {
  return withPdfFile(pdf, async (file, dir) => {
    await run('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, 'page')]);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
    const pages = await Promise.all(names.map((n) => readFile(join(dir, n))));
    if (keep) {
      await mkdir(keep.dir, { recursive: true });
      await Promise.all(pages.map((page, i) => writeFile(join(keep.dir, `${keep.name}-${i + 1}.png`), page)));
    }
    return pages;
  });
}

/** The pixels of an image, RGBA. */
export type Pixels = { width: number; height: number; data: Buffer };

/** The decoded pixels of a PNG. */
export function decodePng(png: Buffer): Pixels {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
}

/** A rectangle of a page image, in pixels. */
export type PixelRegion = { left: number; top: number; width: number; height: number };

/**
 * The text of the QR code found in a PNG, or in one `region` of it (a page holding several codes), or null when
 * none can be read. Reading many regions of one page, pass it decoded (`decodePng`) to decode it once.
 */
export function readQrCode(png: Buffer | Pixels, region?: PixelRegion): string | null {
  const image = Buffer.isBuffer(png) ? decodePng(png) : png;
  const { width, height, data } = region ? crop(image, region) : image;
  return (
    jsqr.default(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height)?.data ?? null
  );
}

// RGBA rows copied out of the image, the region clamped to it.
function crop(image: Pixels, region: PixelRegion): Pixels {
  const left = Math.max(0, Math.round(region.left));
  const top = Math.max(0, Math.round(region.top));
  const width = Math.max(0, Math.min(image.width, Math.round(region.left + region.width)) - left);
  const height = Math.max(0, Math.min(image.height, Math.round(region.top + region.height)) - top);
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    image.data.copy(
      data,
      y * width * 4,
      ((top + y) * image.width + left) * 4,
      ((top + y) * image.width + left + width) * 4,
    );
  return { width, height, data };
}

/** How many pixels are close to a colour: a cheap way to tell that red or gold was printed. */
export function countPixelsNear(png: Buffer, rgb: [number, number, number], tolerance = 40): number {
  const { data } = decodePng(png);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    const near =
      Math.abs((data[i] ?? 0) - rgb[0]) + Math.abs((data[i + 1] ?? 0) - rgb[1]) + Math.abs((data[i + 2] ?? 0) - rgb[2]);
    if (near <= tolerance) count++;
  }
  return count;
}
