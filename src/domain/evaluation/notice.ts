/**
 * The commendation notice (通报表扬) in the shape of an official notice: a heading, a document
 * number, the date, a body that names each commended studio with what it did in the quarter
 * (from its record book, ratings and letters), and the issuing unit. Composing it is pure; the
 * server renders it as .docx and PDF.
 */

/** What a commended studio did in the quarter, as its records show. */
export interface NoticeStudio {
  studioId: number;
  name: string;
  /** The community (or street) it belongs to, for the body: 婉珍文艺专业服务室（西门社区）. */
  unitName: string;
  total: number;
  districtRank: number;
  services: number;
  personTimes: number;
  ratings: number;
  ratingMean: number | null;
  praise: number;
  /** The services it gave most (by person-times), in its own words. */
  highlights: string[];
}

/** A notice ready to render. */
export interface CommendationNoticeContent {
  number: string;
  issuedOn: string;
  issuer: string;
  quarter: string;
  title: string;
  opening: string;
  studios: Array<NoticeStudio & { paragraph: string }>;
  closing: string;
}

const quarterNames = ['一', '二', '三', '四'] as const;
const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** 2026-Q3 → 2026年第三季度. */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `${year}年第${quarterNames[Number(q) - 1] ?? q}季度`;
}

/** 一、二、…、十、十一、… as the numbered paragraphs of a notice count. */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return ordinals[n - 1] ?? String(n);
  if (n < 20) return `十${ordinals[n - 11] ?? ''}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${ordinals[tens - 1] ?? tens}十${ones === 0 ? '' : (ordinals[ones - 1] ?? ones)}`;
}

/** The document number: the issuer's short form, 〔year〕 and the sequence, e.g. 西城区量评〔2026〕3号. */
export function noticeNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}量评〔${year}〕${sequence}号`;
}

/** What one studio did, in one sentence of the body. */
export function studioParagraph(s: NoticeStudio, index: number): string {
  const parts = [`本季度开展服务${s.services}次、服务群众${s.personTimes}人次`];
  if (s.ratings > 0 && s.ratingMean !== null) parts.push(`群众评价${s.ratings}条、平均${s.ratingMean}分`);
  if (s.praise > 0) parts.push(`收到群众表扬${s.praise}件`);
  const did = s.highlights.length > 0 ? `主要开展了${s.highlights.map((h) => `“${h}”`).join('、')}等服务，` : '';
  return (
    `${chineseOrdinal(index + 1)}、${s.name}（${s.unitName}）。${parts.join('，')}，${did}` +
    `季度量化考评得分${s.total}分，位列全区第${s.districtRank}名。`
  );
}

/** The whole notice from the commended studios, best placed first. */
export function composeNotice(input: {
  number: string;
  issuedOn: string;
  issuer: string;
  quarter: string;
  scored: number;
  studios: NoticeStudio[];
}): CommendationNoticeContent {
  const period = quarterLabel(input.quarter);
  const studios = [...input.studios].sort((a, b) => a.districtRank - b.districtRank || a.studioId - b.studioId);
  return {
    number: input.number,
    issuedOn: input.issuedOn,
    issuer: input.issuer,
    quarter: input.quarter,
    title: `关于对${period}服务开展较好的共产党员专业服务工作室予以通报表扬的通报`,
    opening:
      `根据共产党员专业服务工作室服务规范和量化考评办法，对全区${input.scored}个共产党员专业服务工作室` +
      `${period}的服务开展情况进行了量化考评。经考评和审定，${studios.length}个工作室服务开展较好、群众满意度高，` +
      '决定予以通报表扬。现将有关情况通报如下：',
    studios: studios.map((s, i) => ({ ...s, paragraph: studioParagraph(s, i) })),
    closing:
      '希望受到表扬的工作室珍惜荣誉、再接再厉，持续为群众提供无偿专业服务。各工作室要以受表扬的工作室为榜样，' +
      '对照服务规范查找差距，切实把专业服务送到群众身边。',
  };
}
