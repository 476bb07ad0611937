import type { MessageKey } from '../../lib/i18n/index.ts';

/** The public data Huimin ships (assets/xinluo/SOURCES.md); attribution is a licence condition (CC BY 4.0). */
export const dataSources: ReadonlyArray<{ name: string; url: string; description: MessageKey }> = [
  { name: 'Vonng/adcode', url: 'https://github.com/Vonng/adcode', description: 'about.source.vonng' },
  {
    name: 'modood/Administrative-divisions-of-China',
    url: 'https://github.com/modood/Administrative-divisions-of-China',
    description: 'about.source.modood',
  },
  { name: '国家统计局 · njzjz/prcadmin', url: 'https://github.com/njzjz/prcadmin', description: 'about.source.nbs' },
];
