import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportHeaders } from '../features/delivery/records-export.presenter.ts';
import { exportHeading, hasExportHeading } from './export-headers.ts';

const features = new URL('../features/', import.meta.url).pathname;

/** Every `header: '…'` the list export services write (the registry's template columns excepted). */
function serviceHeadings(): string[] {
  const found: string[] = [];
  for (const feature of readdirSync(features, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)) {
    if (feature === 'registry') continue;
    for (const file of readdirSync(join(features, feature)).filter((f) => f.endsWith('-export.service.ts'))) {
      const text = readFileSync(join(features, feature, file), 'utf8');
      for (const m of text.matchAll(/header: '([^']+)'/g)) found.push(m[1]!);
    }
  }
  return found;
}

describe('export headings in the reader’s language', () => {
  it('has Traditional Chinese and English for every heading the exports write', () => {
    const headings = [...serviceHeadings(), ...exportHeaders];
    expect(headings.length).toBeGreaterThan(40);
    expect(headings.filter((h) => !hasExportHeading(h))).toEqual([]);
  });

  it('answers the heading in the language asked, and Simplified Chinese as written', () => {
    expect(exportHeading('用户名', 'en')).toBe('Username');
    expect(exportHeading('用户名', 'zh-TW')).toBe('使用者名稱');
    expect(exportHeading('用户名', 'zh-CN')).toBe('用户名');
    expect(exportHeading('未知', 'en')).toBe('未知');
  });
});
