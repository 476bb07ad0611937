import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bulletin, Dashboard } from '../../../contract/statistics.ts';
import { renderText } from '../../../domain/statistics/bulletin.ts';
import { demoPeriod, demoWorld } from '../../../db/seed/demo-world.ts';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';

// The demo is Xinluo as bulletin No. 313 tells it: the district's dashboard and its generated
// bulletin for the demo period state the seed's figures, exactly the values the README lists.

let t: TestApp;
let admin: Client;
let period: { from: string; to: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  period = demoPeriod(t.clock.now().toISOString());
});
afterAll(() => t.close());

const value = (d: Dashboard, chart: string, key: string) =>
  d.charts.find((c) => c.id === chart)?.items.find((i) => i.key === key)?.current;

describe('the demo period of 新罗区', () => {
  it('is the twelve months ending with the month the demo was loaded in', () => {
    expect(period).toEqual({ from: '2025-12-01', to: '2026-12-01' });
  });

  it('shows the seed’s figures on the district dashboard', async () => {
    const res = await admin.get(`/api/statistics/dashboard?from=${period.from}&to=${period.to}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Dashboard;
    expect(d.unit.name).toBe('新罗区');
    expect(value(d, 'headline', 'studiosServing')).toBe(demoWorld.studiosServing);
    expect(value(d, 'headline', 'volunteers')).toBe(demoWorld.volunteers);
    expect(value(d, 'headline', 'contractedLeaders')).toBe(demoWorld.contractedLeaders);
    expect(value(d, 'headline', 'publishedCommitments')).toBe(demoWorld.commitments);
    expect(value(d, 'headline', 'personTimes')).toBe(demoWorld.personTimes);
    expect(value(d, 'headline', 'legalAid')).toBe(demoWorld.legalAid);
    expect(value(d, 'legalAidByGroup', 'migrant_workers')).toBe(demoWorld.legalMigrant);
    expect(value(d, 'legalAidByGroup', 'youth')).toBe(demoWorld.legalYouth);
    expect(value(d, 'legalAidByGroup', 'taiwan_overseas')).toBe(demoWorld.legalTaiwan);
    const categories = d.charts.find((c) => c.id === 'studiosByCategory')?.items ?? [];
    expect(categories.filter((i) => i.current > 0)).toHaveLength(demoWorld.categories);
  });

  it('generates a bulletin that states exactly those figures and names the seed’s three studios', async () => {
    const res = await admin.post('/api/bulletins', period);
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json() as Bulletin;
    const w = demoWorld;
    const figures = Object.fromEntries(Object.entries(b.content.figures).map(([k, f]) => [k, f.value]));
    expect(figures).toMatchObject({
      studiosServing: w.studiosServing,
      studiosCommunity: w.studiosCommunity,
      studiosRuralEnterprise: w.studiosRuralEnterprise,
      studiosOtherVenues: w.studiosOtherVenues,
      categories: w.categories,
      volunteers: w.volunteers,
      contractedLeaders: w.contractedLeaders,
      commitments: w.commitments,
      personTimes: w.personTimes,
      legalAid: w.legalAid,
      legalMigrant: w.legalMigrant,
      legalYouth: w.legalYouth,
      legalTaiwan: w.legalTaiwan,
    });
    const text = [b.content.title, b.content.subtitle, b.content.opening]
      .concat(b.content.sections.flatMap((s) => s.paragraphs))
      .map((x) => renderText(x, b.content.figures))
      .join('\n');
    expect(text).toContain(`目前共有在岗“共产党员专业服务工作室”${w.studiosServing}个`);
    expect(text).toContain(`设置服务类别${w.categories}类`);
    expect(text).toContain(`志愿服务资源${w.volunteers}人（个）`);
    expect(text).toContain(
      `社区“工作室”${w.studiosCommunity}个，农村社区和企业“工作室”${w.studiosRuralEnterprise}个，大型市场、住宅小区、商务楼宇等场所“工作室”${w.studiosOtherVenues}个`,
    );
    expect(text).toContain(`目前共有${w.contractedLeaders}名领岗党员`);
    expect(text).toContain(`公开承诺服务事项${w.commitments}项`);
    expect(text).toContain(`提供专业服务${w.personTimes}人次`);
    expect(text).toContain(
      `法律援助咨询等${w.legalAid}人次（进城务工人员${w.legalMigrant}人次、青少年${w.legalYouth}人次、台胞侨眷${w.legalTaiwan}人次）`,
    );
    // The seed's three examples, in its order.
    expect(text).toMatch(/党员蒋来发依托“来发医疗卫生专业服务室”.*党员张婉珍依托“婉珍文艺专业服务室”.*党员张柏先依托/s);
  });
});
