import { beforeAll, describe, expect, it } from 'vitest';
import { renderAppointmentLetterPdf, type AppointmentLetterDocument } from './appointment-letter.document.ts';
import { compact } from './document-fixtures.ts';
import { countPixelsNear, pdfFonts, pdfInfo, pdfPages, pdfText, requirePoppler } from './pdf-inspection.ts';

const letter = (overrides: Partial<AppointmentLetterDocument> = {}): AppointmentLetterDocument => ({
  name: '林秀琴',
  streetName: '西城街道',
  cardNumber: 'JD-2026-001',
  termStart: '2026-07-01',
  termEnd: '2028-06-30',
  appointedOn: '2026-07-01',
  ...overrides,
});

describe('renderAppointmentLetterPdf', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    requirePoppler();
    pdf = await renderAppointmentLetterPdf(letter());
    text = compact(await pdfText(pdf));
  });

  it('appoints the supervisor by name for the term, as real Chinese text', () => {
    expect(text).toContain('聘书');
    expect(text).toContain('兹聘请林秀琴同志为西城街道群众监督员');
    expect(text).toContain('聘期自二〇二六年七月一日至二〇二八年六月三十日');
    expect(text).toContain('证号：JD-2026-001');
  });

  it('is issued by the street party working committee on the day of appointment', () => {
    expect(text).toContain('中共西城街道工作委员会');
    expect(text).toContain('二〇二六年七月一日');
  });

  it('is one landscape A4 page framed in red, with its fonts embedded', async () => {
    const info = await pdfInfo(pdf);
    expect(info['Pages']).toBe('1');
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts \(A4\)/);
    const page = (await pdfPages(pdf, 60))[0] ?? Buffer.alloc(0);
    expect(countPixelsNear(page, [168, 21, 27])).toBeGreaterThan(10_000);
    for (const font of await pdfFonts(pdf)) expect(font).toMatchObject({ isEmbedded: true, hasUnicode: true });
  });

  it('keeps Traditional and rare name characters', async () => {
    const t = compact(await pdfText(await renderAppointmentLetterPdf(letter({ name: '張喆堃' }))));
    expect(t).toContain('張喆堃');
  });
});
