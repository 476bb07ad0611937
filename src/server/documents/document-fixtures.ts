// Test support: documents as the studio lifecycle hands them over, from the demo data.
import { unpaidClause } from '../../domain/studios/unpaid.ts';
import type { ContractDocument } from './contract.document.ts';
import type { PlaqueDocument } from './plaque.document.ts';
import type { ServiceCardDocument } from './service-card.document.ts';

/** A signed agreement for a team-led studio. */
export function aContract(overrides: Partial<ContractDocument> = {}): ContractDocument {
  return {
    contractNumber: 'XLHT-2026-0007',
    studioName: '婉珍文艺专业服务室',
    unitName: '西城街道西门社区',
    streetName: '西城街道',
    categories: ['文化艺术', '教育培训'],
    serviceItems: [
      '书法、绘画公益课堂',
      '社区文艺队排练指导',
      '节假日文艺演出策划与组织，为辖区老年人、青少年提供文化服务',
    ],
    openingHours: '每周六 9:00-11:30，每周三 15:00-17:00',
    staffingMode: 'team',
    leaderName: '张婉珍',
    memberNames: ['陈惠敏', '吴秀英'],
    termStart: '2026-01-01',
    termEnd: '2027-12-31',
    signatories: [
      { party: '甲方', name: '中共西城街道工作委员会' },
      { party: '乙方', name: '张婉珍' },
    ],
    signedAt: '2025-12-28T02:30:00.000Z',
    unpaidClause,
    ...overrides,
  };
}

/** The certificate of an awarded plaque. */
export function aPlaque(overrides: Partial<PlaqueDocument> = {}): PlaqueDocument {
  return {
    plaqueNumber: 'XL-2026-0012',
    studioName: '婉珍文艺专业服务室',
    unitName: '西城街道西门社区',
    streetName: '西城街道',
    leaderName: '张婉珍',
    categories: ['文化艺术', '教育培训'],
    awardedAt: '2026-11-25',
    publicUrl: 'https://huimin.example.cn/s/42',
    ...overrides,
  };
}

/** The service card of one member of a studio. */
export function aServiceCard(overrides: Partial<ServiceCardDocument> = {}): ServiceCardDocument {
  return {
    memberName: '张婉珍',
    studioName: '婉珍文艺专业服务室',
    unitName: '西城街道西门社区',
    streetName: '西城街道',
    categories: ['文化艺术', '教育培训'],
    serviceItems: [
      '书法、绘画公益课堂',
      '社区文艺队排练指导',
      '节假日文艺演出策划与组织，为辖区老年人、青少年提供文化服务',
      '老年合唱团声乐辅导',
      '第五项不上卡片',
    ],
    contactPhone: '0851-8612 3456',
    openingHours: '每周六 9:00-11:30，每周三 15:00-17:00',
    studioUrl: 'https://huimin.example.cn/s/42',
    ratingUrl: 'https://huimin.example.cn/s/42?rate=1',
    ...overrides,
  };
}

/** Text without the line breaks and spaces a PDF's layout puts into it. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Where rendered pages are kept for a person to look at, when HUIMIN_DOCUMENT_PNG_DIR names a folder. */
export function keepPages(name: string): { dir: string; name: string } | undefined {
  const dir = process.env['HUIMIN_DOCUMENT_PNG_DIR'];
  return dir ? { dir, name } : undefined;
}
