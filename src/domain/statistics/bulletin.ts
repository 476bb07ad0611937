/**
 * The generated bulletin (简报) in the structure and tone of No. 313: a masthead, a headline,
 * an opening paragraph on the network, sections on 访民情·选好人·找准点, 党员领岗服务 and
 * 监督考评, and closing figures. Every number is a figure with the query it came from; the
 * text holds `{{key}}` where a figure stands, so an edited sentence keeps its figures
 * traceable and the exports print the values.
 */

/** One number of the bulletin: its value, what it is, and where it was counted. */
export interface BulletinFigure {
  value: number | string;
  label: string;
  /** The query behind it, in words: shown on hover and as a footnote. */
  source: string;
}

/** A named studio the bulletin tells about. */
export interface BulletinExample {
  studio: string;
  leader: string;
  unitTrail: string;
  description: string;
  personTimes: number;
}

/** What the draft is written from: the counts of the unit for the period. */
export interface BulletinFacts {
  unitName: string;
  issuer: string;
  year: number;
  number: number;
  /** YYYY-MM-DD, the issue date. */
  date: string;
  periodLabel: string;
  figures: Record<string, BulletinFigure>;
  examples: readonly BulletinExample[];
}

/** A section: a lead phrase (printed bold, as the seed's 整合社会资源，组织搭建平台。) and its paragraphs. */
export interface BulletinSection {
  lead: string;
  paragraphs: string[];
}

/** The bulletin as edited and exported. */
export interface BulletinContent {
  masthead: { name: string; number: number; year: number; issuer: string; date: string };
  title: string;
  subtitle: string;
  opening: string;
  sections: BulletinSection[];
  tail: { report: string; send: string; distribute: string; copies: number };
  figures: Record<string, BulletinFigure>;
}

const f = (key: string) => `{{${key}}}`;

/** Writes the draft of a bulletin from the facts of its unit and period. */
export function draftBulletin(facts: BulletinFacts): BulletinContent {
  const examples = facts.examples
    .slice(0, 3)
    .map((e) => `${e.unitTrail}党员${e.leader}依托“${e.studio}”，${trimEnd(e.description)}`);
  const exampleText = examples.length > 0 ? `如，${examples.join('；')}。` : '';
  const figures = { ...facts.figures };
  return {
    masthead: { name: '简报', number: facts.number, year: facts.year, issuer: facts.issuer, date: facts.date },
    title: `${facts.unitName}“共产党员专业服务工作室”扎实开展党员惠民服务`,
    subtitle: `${facts.periodLabel}累计为群众提供专业服务${f('personTimes')}人次`,
    opening: `${facts.periodLabel}，${facts.unitName}依托区、乡（镇）、村（企）党员教育管理服务中心、站、点，持续完善“共产党员专业服务工作室”这一党员社会化服务平台，目前共有在岗“共产党员专业服务工作室”${f('studiosServing')}个，通过党建工作创新推动社会服务管理创新。`,
    sections: [
      {
        lead: '访民情、选好人、找准点，组织搭建平台。',
        paragraphs: [
          `通过民情日记、征求意见、入户访谈等形式收集群众需求${f('needs')}条，其中民情日记${f('needsDiary')}条、征求意见${f('needsSurvey')}条、入户访谈${f('needsVisit')}条；围绕群众需求设置服务类别${f('categories')}类。志愿者信息库登记党员、专业技术人才、驻区单位和民间组织等志愿服务资源${f('volunteers')}人（个），其中党员${f('volunteersParty')}人。按照就近、便利的原则布局“工作室”，社区“工作室”${f('studiosCommunity')}个，农村社区和企业“工作室”${f('studiosRuralEnterprise')}个，大型市场、住宅小区、商务楼宇等场所“工作室”${f('studiosOtherVenues')}个。`,
        ],
      },
      {
        lead: '突出专业特色，党员领岗服务。',
        paragraphs: [
          `本期党员申办、领办“工作室”${f('applications')}个，签约${f('contracts')}个，授予牌匾${f('plaques')}块。目前共有${f('contractedLeaders')}名领岗党员与街道、社区党组织签约，通过公告栏、宣传短信等形式公开承诺服务事项${f('commitments')}项。领岗服务的党员不领取报酬。${exampleText}`,
        ],
      },
      {
        lead: '创新监督管理，群众参与考评。',
        paragraphs: [
          `“共产党员专业服务工作室”监督信箱本期收到群众来信${f('letters')}件，其中投诉${f('complaints')}件、建议${f('suggestions')}件、表扬${f('praise')}件，响应率${f('responseRate')}、解决率${f('resolutionRate')}、满意率${f('satisfactionRate')}。群众监督员按季度走访检查“工作室”${f('inspectionsDone')}次，逾期未检查${f('inspectionsOverdue')}次；群众对服务评价${f('ratings')}次，平均${f('ratingMean')}分。对开展情况较差、群众反映强烈的，取消牌匾${f('revocations')}个。`,
        ],
      },
      {
        lead: '服务成效。',
        paragraphs: [
          `各类专业服务工作室本期为居民群众提供专业服务${f('personTimes')}人次，其中为进城务工人员、青少年、台胞侨眷等群体提供法律援助咨询等${f('legalAid')}人次（进城务工人员${f('legalMigrant')}人次、青少年${f('legalYouth')}人次、台胞侨眷${f('legalTaiwan')}人次），受到居民群众的广泛好评。`,
        ],
      },
    ],
    tail: { report: '市委组织部', send: '区委各位常委', distribute: '各街道（乡镇）党（工）委', copies: 60 },
    figures,
  };
}

function trimEnd(s: string): string {
  return s.replace(/[。；;，,\s]+$/u, '');
}

/** The keys of the figures a text refers to. */
export function figureKeys(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
}

/** A text with its figures' values in place ({{key}} of an unknown figure stays as it is). */
export function renderText(text: string, figures: Record<string, BulletinFigure>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const fig = figures[key];
    return fig === undefined ? whole : String(fig.value);
  });
}

/** Splits a text into plain runs and figure runs, for exports that mark or footnote the figures. */
export function textRuns(text: string): Array<{ text: string; figure?: string }> {
  const out: Array<{ text: string; figure?: string }> = [];
  let last = 0;
  for (const m of text.matchAll(/\{\{(\w+)\}\}/g)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], figure: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** Every text of the bulletin, in reading order (title to closing figures). */
export function bulletinTexts(c: BulletinContent): string[] {
  return [c.title, c.subtitle, c.opening, ...c.sections.flatMap((s) => [s.lead, ...s.paragraphs])];
}

/** A percentage as the bulletin prints it ("96.5%"), or "—" without a denominator. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** The issuing office of a unit's bulletin, after its level. */
export function issuerOf(unitName: string, level: string): string {
  if (level === 'district') return `中共${unitName}委组织部`;
  if (level === 'street' || level === 'town') return `中共${unitName}${level === 'town' ? '委员会' : '工作委员会'}`;
  return `中共${unitName}委员会`;
}

/** The period as the bulletin says it: "2026年第一季度", "2026年10月", "2026年", or the dates. */
export function periodLabel(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  if (fd === 1 && td === 1) {
    if (months === 12 && fm === 1) return `${fy}年`;
    if (months === 3 && (fm - 1) % 3 === 0) return `${fy}年第${'一二三四'[(fm - 1) / 3]}季度`;
    if (months === 6 && (fm === 1 || fm === 7)) return `${fy}年${fm === 1 ? '上' : '下'}半年`;
    if (months === 1) return `${fy}年${fm}月`;
  }
  const last = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000);
  return `${fy}年${fm}月${fd}日至${last.getUTCFullYear()}年${last.getUTCMonth() + 1}月${last.getUTCDate()}日`;
}
