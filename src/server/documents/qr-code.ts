import QRCode from 'qrcode';
import { escapeHtml } from './html-page.ts';
import type { Pdf } from './pdf-document.ts';

// Four light modules around the symbol are the quiet zone the QR standard asks for.
const quietZone = 4;

type Matrix = { size: number; isDark: (x: number, y: number) => boolean };

function matrixOf(text: string): Matrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (x, y) => Boolean(modules.get(y, x)) };
}

// Runs of dark modules per row: one rectangle per run keeps the drawing small and crisp.
function darkRuns(matrix: Matrix): Array<{ x: number; y: number; length: number }> {
  const runs: Array<{ x: number; y: number; length: number }> = [];
  for (let y = 0; y < matrix.size; y++) {
    let x = 0;
    while (x < matrix.size) {
      if (!matrix.isDark(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < matrix.size && matrix.isDark(x, y)) x++;
      runs.push({ x: start, y, length: x - start });
    }
  }
  return runs;
}

/** Draws a vector QR code of `text` (quiet zone included) in a `side`-point square at (x, y). */
export function drawQrCode(pdf: Pdf, text: string, x: number, y: number, side: number): void {
  const matrix = matrixOf(text);
  const cell = side / (matrix.size + 2 * quietZone);
  pdf.save().rect(x, y, side, side).fill('#ffffff');
  for (const run of darkRuns(matrix)) {
    // A hair of overlap stops viewers from showing seams between neighbouring rows.
    pdf.rect(x + (run.x + quietZone) * cell, y + (run.y + quietZone) * cell, run.length * cell + 0.05, cell + 0.05);
  }
  pdf.fill('#111111').restore();
}

/** An inline SVG QR code of `text`, with quiet zone, that scales to its container. */
export function qrCodeSvg(text: string, label: string): string {
  const matrix = matrixOf(text);
  const side = matrix.size + 2 * quietZone;
  const path = darkRuns(matrix)
    .map((r) => `M${r.x + quietZone} ${r.y + quietZone}h${r.length}v1h-${r.length}z`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img" aria-label="${escapeHtml(label)}"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#111"/></svg>`;
}
