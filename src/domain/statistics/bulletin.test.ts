import { describe, expect, it } from 'vitest';
import {
  bulletinTexts,
  draftBulletin,
  figureKeys,
  issuerOf,
  percent,
  periodLabel,
  renderText,
  textRuns,
  type BulletinFacts,
} from './bulletin.ts';

const n = (value: number | string, label = 'x') => ({ value, label, source: `count of ${label}` });

/** The figures of the seed's Xinluo, as a fixture. */
const facts: BulletinFacts = {
  unitName: '新罗区',
  issuer: issuerOf('新罗区', 'district'),
  year: 2011,
  number: 1,
  date: '2011-04-02',
  periodLabel: periodLabel('2011-01-01', '2011-04-01'),
  figures: {
    personTimes: n(1632),
    studiosServing: n(82),
    needs: n(40),
    needsDiary: n(20),
    needsSurvey: n(12),
    needsVisit: n(8),
    categories: n(11),
    volunteers: n(173),
    volunteersParty: n(120),
    studiosCommunity: n(28),
    studiosRuralEnterprise: n(33),
    studiosOtherVenues: n(21),
    applications: n(5),
    contracts: n(4),
    plaques: n(4),
    contractedLeaders: n(23),
    commitments: n(54),
    letters: n(6),
    complaints: n(2),
    suggestions: n(3),
    praise: n(1),
    responseRate: n('100%'),
    resolutionRate: n('83.3%'),
    satisfactionRate: n('90%'),
    inspectionsDone: n(80),
    inspectionsOverdue: n(2),
    ratings: n(300),
    ratingMean: n(4.8),
    revocations: n(1),
    legalAid: n(216),
    legalMigrant: n(120),
    legalYouth: n(70),
    legalTaiwan: n(26),
  },
  examples: [
    {
      studio: '来发医疗卫生专业服务室',
      leader: '蒋来发',
      unitTrail: '中城街道',
      description: '利用原先在卫生防疫部门工作的业务技能，在家为社区居民提供义务咨询诊疗。',
      personTimes: 300,
    },
    {
      studio: '婉珍文艺专业服务室',
      leader: '张婉珍',
      unitTrail: '西城街道西兴社区',
      description: '发挥书法、音乐、绘画特长，免费为社区居民举办广场舞、书法绘画培训。',
      personTimes: 250,
    },
  ],
};

describe('draftBulletin', () => {
  const draft = draftBulletin(facts);
  const text = bulletinTexts(draft)
    .map((t) => renderText(t, draft.figures))
    .join('\n');

  it('states the figures of the period in the seed’s sections', () => {
    expect(draft.masthead).toEqual({
      name: '简报',
      number: 1,
      year: 2011,
      issuer: '中共新罗区委组织部',
      date: '2011-04-02',
    });
    expect(text).toContain('在岗“共产党员专业服务工作室”82个');
    expect(text).toContain('志愿服务资源173人');
    expect(text).toContain('社区“工作室”28个');
    expect(text).toContain('农村社区和企业“工作室”33个');
    expect(text).toContain('目前共有23名领岗党员');
    expect(text).toContain('公开承诺服务事项54项');
    expect(text).toContain('提供专业服务1632人次');
    expect(text).toContain('法律援助咨询等216人次');
    expect(draft.sections.map((s) => s.lead)).toEqual([
      '访民情、选好人、找准点，组织搭建平台。',
      '突出专业特色，党员领岗服务。',
      '创新监督管理，群众参与考评。',
      '服务成效。',
    ]);
  });

  it('names the example studios and their leaders', () => {
    expect(text).toContain('中城街道党员蒋来发依托“来发医疗卫生专业服务室”，利用原先在卫生防疫部门工作的业务技能');
    expect(text).toContain('西城街道西兴社区党员张婉珍');
  });

  it('leaves no figure without a value and no number outside a figure in the generated sentences', () => {
    for (const t of bulletinTexts(draft)) for (const k of figureKeys(t)) expect(draft.figures[k]).toBeDefined();
    const opening = draft.sections[0]!.paragraphs[0]!;
    // Every digit of the section comes from a figure.
    expect(opening.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/\d/);
  });
});

describe('texts and figures', () => {
  it('renders and splits a text at its figures', () => {
    const figs = { a: n(3), b: n('90%') };
    expect(renderText('共{{a}}个，满意率{{b}}，{{c}}', figs)).toBe('共3个，满意率90%，{{c}}');
    expect(textRuns('共{{a}}个')).toEqual([{ text: '共' }, { text: '{{a}}', figure: 'a' }, { text: '个' }]);
  });

  it('prints a rate as a percentage', () => {
    expect(percent(0.8333)).toBe('83.3%');
    expect(percent(null)).toBe('—');
  });

  it('names periods as a bulletin does', () => {
    expect(periodLabel('2011-01-01', '2011-04-01')).toBe('2011年第一季度');
    expect(periodLabel('2026-01-01', '2027-01-01')).toBe('2026年');
    expect(periodLabel('2026-10-01', '2026-11-01')).toBe('2026年10月');
    expect(periodLabel('2026-07-01', '2027-01-01')).toBe('2026年下半年');
    expect(periodLabel('2026-03-05', '2026-03-20')).toBe('2026年3月5日至2026年3月19日');
  });

  it('names the issuing office after the unit’s level', () => {
    expect(issuerOf('西城街道', 'street')).toBe('中共西城街道工作委员会');
  });
});
