import type { Locale } from '../../contract/common.ts';
import { unpaidClause as standardUnpaidClause } from '../../domain/studios/unpaid.ts';
import type { ContractDocument } from './contract.document.ts';
import { formatDate } from './document-dates.ts';

/** One article of the agreement: labelled facts, paragraphs, a numbered list, or the highlighted unpaid rule. */
export type ContractArticle = {
  heading: string;
  fields?: Array<{ label: string; value: string }>;
  paragraphs?: string[];
  items?: string[];
  isHighlighted?: boolean;
};

/** The agreement's words in one language, drawn alike by the PDF and the HTML renderers. */
export type ContractContent = {
  title: string;
  numberLabel: string;
  parties: Array<{ label: string; value: string }>;
  preamble: string;
  articles: ContractArticle[];
  signLabel: string;
  signedOnLabel: string;
  signedOn: string;
  note?: string;
  pageOf: (page: number, pages: number) => string;
};

type Wording = {
  title: string;
  numberLabel: string;
  partyA: string;
  partyB: string;
  committee: (street: string) => string;
  preamble: (studio: string) => string;
  headings: [string, string, string, string, string, string, string];
  field: {
    studio: string;
    unit: string;
    categories: string;
    staffing: string;
    leader: string;
    members: string;
    hours: string;
  };
  staffing: Record<ContractDocument['staffingMode'], string>;
  listSep: string;
  servicesIntro: string;
  term: (start: string, end: string) => string;
  unpaidGloss?: string;
  dutiesA: string;
  dutiesB: string;
  other: string;
  signLabel: string;
  signedOnLabel: string;
  note?: string;
  pageOf: (page: number, pages: number) => string;
};

const wordings: Record<Locale, Wording> = {
  'zh-CN': {
    title: '共产党员专业服务工作室服务协议',
    numberLabel: '协议编号',
    partyA: '甲方（街道党工委）',
    partyB: '乙方（领岗党员）',
    committee: (street) => `中共${street}工作委员会`,
    preamble: (studio) =>
      `为充分发挥共产党员的专业特长和先锋模范作用，就近就便为群众提供专业服务，经甲乙双方协商一致，就乙方领办“${studio}”达成如下协议。`,
    headings: [
      '第一条　工作室基本情况',
      '第二条　服务项目',
      '第三条　协议期限',
      '第四条　公益服务原则',
      '第五条　甲方职责',
      '第六条　乙方职责',
      '第七条　其他',
    ],
    field: {
      studio: '工作室名称',
      unit: '所在单位',
      categories: '服务类别',
      staffing: '领办方式',
      leader: '领岗党员',
      members: '团队成员',
      hours: '开放时间',
    },
    staffing: { single: '党员个人领办', team: '党员团队领办' },
    listSep: '、',
    servicesIntro: '乙方通过工作室为群众提供以下服务：',
    term: (start, end) => `本协议期限自${start}起至${end}止。期满经甲方考评合格的，双方可以续签。`,
    dutiesA:
      '甲方负责指导工作室建设，协调提供服务场所，公开工作室服务信息；对工作室的服务情况进行监督和考评，考评不合格的责令整改，整改不到位的予以摘牌。',
    dutiesB:
      '乙方按照公示的服务项目和开放时间提供服务，如实记录服务情况，公开服务承诺，接受甲方和群众监督；不得以工作室名义从事任何营利活动。',
    other: '本协议一式两份，甲乙双方各执一份，自双方签字（盖章）之日起生效。',
    signLabel: '签字（盖章）',
    signedOnLabel: '签订日期',
    pageOf: (page, pages) => `第 ${page} 页\u3000共 ${pages} 页`,
  },
  'zh-TW': {
    title: '共產黨員專業服務工作室服務協議',
    numberLabel: '協議編號',
    partyA: '甲方（街道黨工委）',
    partyB: '乙方（領崗黨員）',
    committee: (street) => `中共${street}工作委員會`,
    preamble: (studio) =>
      `為充分發揮共產黨員的專業特長和先鋒模範作用，就近就便為群眾提供專業服務，經甲乙雙方協商一致，就乙方領辦「${studio}」達成如下協議。`,
    headings: [
      '第一條　工作室基本情況',
      '第二條　服務項目',
      '第三條　協議期限',
      '第四條　公益服務原則',
      '第五條　甲方職責',
      '第六條　乙方職責',
      '第七條　其他',
    ],
    field: {
      studio: '工作室名稱',
      unit: '所在單位',
      categories: '服務類別',
      staffing: '領辦方式',
      leader: '領崗黨員',
      members: '團隊成員',
      hours: '開放時間',
    },
    staffing: { single: '黨員個人領辦', team: '黨員團隊領辦' },
    listSep: '、',
    servicesIntro: '乙方通過工作室為群眾提供以下服務：',
    term: (start, end) => `本協議期限自${start}起至${end}止。期滿經甲方考評合格的，雙方可以續簽。`,
    dutiesA:
      '甲方負責指導工作室建設，協調提供服務場所，公開工作室服務資訊；對工作室的服務情況進行監督和考評，考評不合格的責令整改，整改不到位的予以摘牌。',
    dutiesB:
      '乙方按照公示的服務項目和開放時間提供服務，如實記錄服務情況，公開服務承諾，接受甲方和群眾監督；不得以工作室名義從事任何營利活動。',
    other: '本協議一式兩份，甲乙雙方各執一份，自雙方簽字（蓋章）之日起生效。',
    signLabel: '簽字（蓋章）',
    signedOnLabel: '簽訂日期',
    pageOf: (page, pages) => `第 ${page} 頁\u3000共 ${pages} 頁`,
  },
  en: {
    title: 'Service Agreement for a Party Member Professional Service Studio',
    numberLabel: 'Agreement No.',
    partyA: 'Party A (street Party Working Committee)',
    partyB: 'Party B (leading Party member)',
    committee: (street) => `CPC ${street} Working Committee`,
    preamble: (studio) =>
      `To put Party members' professional skills to work for residents close to home, Party A and Party B agree as follows on Party B leading the studio “${studio}”.`,
    headings: [
      'Article 1  The studio',
      'Article 2  Services',
      'Article 3  Term',
      'Article 4  Free public service',
      'Article 5  Duties of Party A',
      'Article 6  Duties of Party B',
      'Article 7  Other provisions',
    ],
    field: {
      studio: 'Studio',
      unit: 'Unit',
      categories: 'Service categories',
      staffing: 'Staffing',
      leader: 'Leading Party member',
      members: 'Team members',
      hours: 'Opening hours',
    },
    staffing: { single: 'Led by one Party member', team: 'Led by a team of Party members' },
    listSep: ', ',
    servicesIntro: 'Party B provides the following services through the studio:',
    term: (start, end) =>
      `This agreement runs from ${start} to ${end}. It may be renewed if Party A's evaluation at the end of the term is satisfactory.`,
    unpaidGloss:
      'Party members who serve in the studio receive no pay of any kind, and the studio charges the people it serves no fee of any kind, so that it does not become administrative or profit-seeking.',
    dutiesA:
      "Party A guides the studio, helps arrange a venue and publishes the studio's service information; it supervises and evaluates the studio's service, orders rectification when an evaluation fails, and withdraws the plaque when rectification is not achieved.",
    dutiesB:
      "Party B serves according to the published service items and opening hours, records the service truthfully, publishes service commitments and accepts supervision by Party A and the public; the studio's name may not be used for any profit-making activity.",
    other:
      'This agreement is made in two copies, one for each party, and takes effect on the day both parties sign (and seal) it.',
    signLabel: 'Signature (seal)',
    signedOnLabel: 'Signed on',
    note: 'This English rendering is for reference; the Chinese text prevails.',
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
  },
};

/** The agreement for one studio in one language; user text is returned as given, unescaped. */
export function contractContent(doc: ContractDocument, locale: Locale): ContractContent {
  const w = wordings[locale];
  const join = (values: string[]) => (values.length > 0 ? values.join(w.listSep) : '—');
  // A contract without the unpaid rule must never be printed, so a blank clause falls back to the standard one.
  const clause = doc.unpaidClause.trim() || standardUnpaidClause;
  const fields = [
    { label: w.field.studio, value: doc.studioName },
    { label: w.field.unit, value: doc.unitName },
    { label: w.field.categories, value: join(doc.categories) },
    { label: w.field.staffing, value: w.staffing[doc.staffingMode] },
    { label: w.field.leader, value: doc.leaderName },
    ...(doc.staffingMode === 'team' ? [{ label: w.field.members, value: join(doc.memberNames) }] : []),
    { label: w.field.hours, value: doc.openingHours },
  ];
  const [h1, h2, h3, h4, h5, h6, h7] = w.headings;
  return {
    title: w.title,
    numberLabel: w.numberLabel,
    parties: [
      { label: w.partyA, value: w.committee(doc.streetName) },
      { label: w.partyB, value: doc.leaderName },
    ],
    preamble: w.preamble(doc.studioName),
    articles: [
      { heading: h1, fields },
      { heading: h2, paragraphs: [w.servicesIntro], items: doc.serviceItems },
      { heading: h3, paragraphs: [w.term(formatDate(doc.termStart, locale), formatDate(doc.termEnd, locale))] },
      { heading: h4, paragraphs: w.unpaidGloss ? [clause, w.unpaidGloss] : [clause], isHighlighted: true },
      { heading: h5, paragraphs: [w.dutiesA] },
      { heading: h6, paragraphs: [w.dutiesB] },
      { heading: h7, paragraphs: [w.other] },
    ],
    signLabel: w.signLabel,
    signedOnLabel: w.signedOnLabel,
    signedOn: formatDate(doc.signedAt, locale),
    ...(w.note ? { note: w.note } : {}),
    pageOf: w.pageOf,
  };
}
