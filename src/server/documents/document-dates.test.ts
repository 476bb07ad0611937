import { describe, expect, it } from 'vitest';
import { formatCertificateDate, formatDate } from './document-dates.ts';

describe('document dates', () => {
  it('write a calendar day as agreements do', () => {
    expect(formatDate('2026-01-01', 'zh-CN')).toBe('2026年1月1日');
    expect(formatDate('2026-01-01', 'zh-TW')).toBe('2026年1月1日');
    expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it('write certificates in Chinese numerals', () => {
    expect(formatCertificateDate('2026-11-25', 'zh-CN')).toBe('二〇二六年十一月二十五日');
    expect(formatCertificateDate('2030-10-01', 'zh-TW')).toBe('二〇三〇年十月一日');
    expect(formatCertificateDate('2026-12-31', 'zh-CN')).toBe('二〇二六年十二月三十一日');
    expect(formatCertificateDate('2026-02-20', 'zh-CN')).toBe('二〇二六年二月二十日');
    expect(formatCertificateDate('2026-02-20', 'en')).toBe('20 February 2026');
  });

  it('take an instant as the day it was in China', () => {
    expect(formatDate('2025-12-31T16:30:00.000Z', 'zh-CN')).toBe('2026年1月1日');
  });

  it('refuse what is not a date', () => {
    expect(() => formatDate('next Tuesday', 'zh-CN')).toThrow();
  });
});
