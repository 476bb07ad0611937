import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('turns markup into text, so an admin-typed map attribution cannot run a script', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">© 高德')).toBe(
      '&#60;img src=x onerror=&#34;alert(1)&#34;&#62;© 高德',
    );
    expect(escapeHtml("a & b's")).toBe('a &#38; b&#39;s');
    expect(escapeHtml('© OpenStreetMap contributors')).toBe('© OpenStreetMap contributors');
  });
});
