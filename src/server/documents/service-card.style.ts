// The service card's wording in each language, its colours and its measures (service-card.document.ts).
import type { Locale } from '../../contract/common.ts';
import { mm } from './pdf-document.ts';

/** A card lists at most this many service items; the studio's page has them all. */
export const maxCardServiceItems = 4;

/** The words on a card, in one language. */
export type CardWording = {
  title: string;
  subtitle: string;
  hoursLabel: string;
  phoneLabel: string;
  memberLabel: string;
  labelSep: string;
  /** The caption under the QR code, in two lines set one under the other. */
  qrCaption: [string, string];
  promise: string;
  /** Put after the last category shown when not all of them fit. */
  more: string;
  front: string;
  back: string;
};

/** The card's words in each interface language. */
export const wordings: Record<Locale, CardWording> = {
  'zh-CN': {
    title: '便民服务卡',
    subtitle: '共产党员专业服务工作室',
    hoursLabel: '服务时间',
    phoneLabel: '联系电话',
    memberLabel: '服务党员',
    labelSep: '：',
    qrCaption: ['扫码查看工作室', '并评价服务'],
    promise: '无偿服务 · 不收取任何费用',
    more: '等',
    front: '正面',
    back: '背面',
  },
  'zh-TW': {
    title: '便民服務卡',
    subtitle: '共產黨員專業服務工作室',
    hoursLabel: '服務時間',
    phoneLabel: '聯絡電話',
    memberLabel: '服務黨員',
    labelSep: '：',
    qrCaption: ['掃碼查看工作室', '並評價服務'],
    promise: '無償服務 · 不收取任何費用',
    more: '等',
    front: '正面',
    back: '背面',
  },
  en: {
    title: 'Community Service Card',
    subtitle: 'Party Member Professional Service Studio',
    hoursLabel: 'Hours',
    phoneLabel: 'Phone',
    memberLabel: 'Party member',
    labelSep: ': ',
    qrCaption: ['Scan to view the studio', 'and rate our service'],
    promise: 'Voluntary service · no fees of any kind',
    more: '…',
    front: 'Front',
    back: 'Back',
  },
};

/** The card's colours: party red and gold on white. */
export const red = '#a8151b';
export const gold = '#c59a3e';
export const paleGold = '#f6e3b4';
export const rule = '#e4d3ad';
export const tint = '#fbf0ec';
export const ink = '#231815';
export const muted = '#5c5048';
export const white = '#ffffff';

/** The ISO 7810 ID-1 business card is 85.6 × 54 mm; Chinese cards are 90 × 54 mm. */
export const card = { width: mm(90), height: mm(54) };
/** Content keeps 12 pt (4.2 mm) from the trimmed edge, so a slightly off cut or duplex registration leaves it whole. */
export const pad = 12;
/** Nothing on a card is set smaller than this: 6 pt is about the smallest type read comfortably at arm's length. */
export const minType = 6;
/**
 * Noto Serif SC puts the baseline 1.151 em under the top of the line and the ideographs' ink 0.083–0.833 em above it:
 * a line whose top is `centre - inkCentre × size` has its ink centred on `centre`.
 */
export const inkCentre = 1.151 - 0.375;
