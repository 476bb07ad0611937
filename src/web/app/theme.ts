import type { ThemeConfig } from 'antd';

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

// Party red as the accent. #b3261e on white has a contrast of 6.3:1 (WCAG AA for all text).
const standard: ThemeConfig = {
  token: {
    colorPrimary: '#b3261e',
    colorLink: '#a31515',
    // antd's own #ff4d4f is 3.3:1 on white; danger buttons and error text need 4.5:1 (6.6:1 here).
    colorError: '#b71c1c',
    // Help text under a field: antd's 45 % black is 3.5:1; 60 % is 5.7:1.
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
    fontSize: 15,
    motion: !prefersReducedMotion(),
  },
};

// 适老化: at least 18px text, larger targets, black text and borders on white, darker accents
// (every pair here passes WCAG AAA, 7:1), thicker outlines so focus and edges stay visible.
const largeHighContrast: ThemeConfig = {
  token: {
    fontSize: 18,
    fontSizeSM: 16,
    fontSizeLG: 20,
    controlHeight: 44,
    lineWidth: 2,
    borderRadius: 4,
    // No animations: movement distracts and slows down older readers.
    motion: false,
    colorPrimary: '#7a0000',
    colorLink: '#7a0000',
    colorText: '#000000',
    colorTextSecondary: '#1a1a1a',
    colorTextTertiary: '#262626',
    colorTextDescription: '#1a1a1a',
    colorTextPlaceholder: '#3d3d3d',
    colorBorder: '#000000',
    colorBorderSecondary: '#404040',
    colorBgLayout: '#ffffff',
    colorSuccess: '#0b5e0b',
    colorWarning: '#7a4a00',
    colorError: '#8b0000',
  },
};

/** The antd theme for the current large-font, high-contrast setting. */
export function themeFor(largeFont: boolean): ThemeConfig {
  return largeFont ? largeHighContrast : standard;
}

/**
 * Wrap the themed ConfigProvider in one with this theme. antd puts a motion provider around
 * the tree the first time the `motion` token differs from the parent's, which remounts the
 * whole page (losing its state) when large-font mode first switches motion off. With a
 * parent whose motion is always off, the wrapper is there from the first render.
 */
export const motionAnchor: ThemeConfig = { token: { motion: false } };
