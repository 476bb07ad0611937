import { describe, expect, it } from 'vitest';
import {
  ASK_A_PERSON_BELOW,
  DEFAULT_OPTIONS,
  addExamples,
  classify,
  featuresOf,
  fromJSON,
  needsAPerson,
  toJSON,
  train,
  type TrainingExample,
} from './classifier.ts';

// A tiny hand-made set, already segmented, so these tests pin the arithmetic, not jieba.
const examples: TrainingExample[] = [
  { category: 'repair', tokens: ['水管', '漏水', '师傅', '修'] },
  { category: 'repair', tokens: ['电灯', '坏', '换', '灯泡'] },
  { category: 'repair', tokens: ['门锁', '坏', '请', '师傅'] },
  { category: 'health', tokens: ['血压', '高', '医生', '吃药'] },
  { category: 'health', tokens: ['咳嗽', '发烧', '医生', '看病'] },
  { category: 'health', tokens: ['腰疼', '医院', '检查'] },
  { category: 'agriculture', tokens: ['养猪户', '小猪', '拉稀'] },
  { category: 'agriculture', tokens: ['茶园', '病虫害', '施肥'] },
  { category: 'agriculture', tokens: ['猪瘟', '疫苗', '养殖'] },
];

describe('needs classifier', () => {
  it('puts texts with the words of one category in that category', () => {
    const model = train(examples);
    expect(classify(model, ['热水器', '坏', '师傅']).category).toBe('repair');
    expect(classify(model, ['医生', '血压', '头晕']).category).toBe('health');
    expect(classify(model, ['养殖', '猪', '拉肚子']).category).toBe('agriculture');
  });

  it('uses the characters of unseen words: 猪舍 shares 猪 with 养猪户 and 猪瘟', () => {
    const model = train(examples);
    expect(classify(model, ['猪舍']).category).toBe('agriculture');
    expect(classify(train(examples, { characters: false }), ['猪舍']).confidence).toBeCloseTo(1 / 3);
  });

  it('returns a ranking of every category that sums to 1, best first, with the top as confidence', () => {
    const result = classify(train(examples), ['漏水', '修']);
    expect(result.ranking.map((r) => r.category).sort()).toEqual(['agriculture', 'health', 'repair']);
    expect(result.ranking.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 12);
    for (let i = 1; i < result.ranking.length; i++)
      expect(result.ranking[i - 1]!.p).toBeGreaterThanOrEqual(result.ranking[i]!.p);
    expect(result.confidence).toBe(result.ranking[0]!.p);
    expect(result.confidence).toBeGreaterThan(ASK_A_PERSON_BELOW);
    expect(needsAPerson(result)).toBe(false);
  });

  it('asks a person when nothing in the text is known', () => {
    const result = classify(train(examples), ['彩票', '中奖']);
    expect(result.confidence).toBeCloseTo(1 / 3);
    expect(needsAPerson(result)).toBe(true);
  });

  it('is less sure when a text mixes the evidence of two categories', () => {
    const model = train(examples);
    const clear = classify(model, ['医生', '看病']);
    const mixed = classify(model, ['医生', '水管', '漏水']);
    expect(mixed.confidence).toBeLessThan(clear.confidence);
  });

  it('keeps configured categories without examples in the ranking, never on top for known words', () => {
    const model = train(examples, {}, ['agriculture', 'health', 'repair', 'legal']);
    const result = classify(model, ['医生', '吃药']);
    expect(result.ranking.map((r) => r.category)).toContain('legal');
    expect(result.category).toBe('health');
  });

  it('learns from a correction: one added example moves a look-alike text', () => {
    const model = train(examples);
    // 赔偿 is unknown, so 漏水 decides: repair. Staff file the complaint under legal.
    expect(classify(model, ['楼上', '漏水', '赔偿']).category).toBe('repair');
    const corrected = addExamples(model, [{ category: 'legal', tokens: ['楼上', '漏水', '赔偿', '纠纷'] }]);
    expect(classify(corrected, ['楼上', '漏水', '赔偿']).category).toBe('legal');
    expect(classify(model, ['楼上', '漏水', '赔偿']).category).toBe('repair'); // the old model is unchanged
  });

  it('lets a weighted example count as several', () => {
    const a = addExamples(train(examples), [{ category: 'health', tokens: ['师傅', '针灸'], weight: 1 }]);
    const b = addExamples(train(examples), [{ category: 'health', tokens: ['师傅', '针灸'], weight: 3 }]);
    expect(classify(b, ['师傅']).ranking.find((r) => r.category === 'health')!.p).toBeGreaterThan(
      classify(a, ['师傅']).ranking.find((r) => r.category === 'health')!.p,
    );
    expect(() => addExamples(train(examples), [{ category: 'health', tokens: ['x'], weight: 0 }])).toThrow(/weight/);
  });

  it('adding examples one by one gives the same model as training on all of them', () => {
    const incremental = examples
      .slice(1)
      .reduce((m, e) => addExamples(m, [e]), train([examples[0]!], {}, ['repair', 'health', 'agriculture']));
    const batch = train(examples, {}, ['repair', 'health', 'agriculture']);
    expect(toJSON(incremental)).toEqual(toJSON(batch));
  });

  it('survives a JSON round trip and classifies identically', () => {
    const model = train(examples);
    const restored = fromJSON(JSON.stringify(toJSON(model)));
    for (const tokens of [['水管', '坏'], ['医生'], ['茶园', '施肥'], ['未知']]) {
      expect(classify(restored, tokens)).toEqual(classify(model, tokens));
    }
    expect(fromJSON(JSON.parse(JSON.stringify(model)) as unknown)).toEqual(toJSON(model));
  });

  it('treats words that are also object property names as ordinary unknown words', () => {
    const result = classify(toJSON(train(examples)), ['constructor', '__proto__', 'tostring']);
    expect(result.confidence).toBeCloseTo(1 / 3);
  });

  it('rejects JSON that is not a model', () => {
    const good = toJSON(train(examples));
    expect(() => fromJSON(null)).toThrow(/model/);
    expect(() => fromJSON({ ...good, version: 2 })).toThrow(/version/);
    expect(() => fromJSON({ ...good, categories: [] })).toThrow(/categories/);
    expect(() => fromJSON({ ...good, docs: [1] })).toThrow(/docs/);
    expect(() => fromJSON({ ...good, counts: { 水管: [1, -1, 0] } })).toThrow(/水管/);
    expect(() => fromJSON({ ...good, options: { ...good.options, alpha: 0 } })).toThrow(/alpha/);
  });

  it('supports textbook multinomial NB as a variant', () => {
    const model = train(examples, { variant: 'multinomial', alpha: 0.5, temperature: 1 });
    expect(classify(model, ['医生', '看病']).category).toBe('health');
    expect(classify(model, ['漏水']).category).toBe('repair');
  });

  it('expands tokens into words, prefixed characters and optional bigrams', () => {
    expect(featuresOf(['养猪户', '猪'], DEFAULT_OPTIONS)).toEqual(['养猪户', 'c:养', 'c:猪', 'c:户', '猪']);
    expect(featuresOf(['坏', '坏'], { ...DEFAULT_OPTIONS, characters: false })).toEqual(['坏']);
    expect(featuresOf(['上门', '理发'], { ...DEFAULT_OPTIONS, characters: false, bigrams: true })).toEqual([
      '上门',
      '理发',
      'b:上门_理发',
    ]);
  });

  it('refuses to train without categories or with nonsense options', () => {
    expect(() => train([])).toThrow(/categories/);
    expect(() => train(examples, { temperature: -1 })).toThrow(/temperature/);
  });
});
