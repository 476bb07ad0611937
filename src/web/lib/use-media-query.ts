import { useSyncExternalStore } from 'react';

/**
 * True while a CSS media query matches. Read synchronously on the first render (unlike
 * antd's Grid.useBreakpoint, which starts empty), so a phone never flashes the desktop shell.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Phone and small-tablet widths, where the menu moves into a drawer. */
export const NARROW_SCREEN = '(max-width: 767.98px)';
