// The figures of bulletin No. 313 that the demo reproduces (README, "Data the demo ships"), and
// the period they are stated for. src/db/seed/demo-network.ts tops the demo up to them.
import { chinaDate } from '../../server/time.ts';

/**
 * What the district dashboard and the bulletin of 新罗区 state for the demo period: exact values
 * inside the seed's ranges (80 多个, 30 多个, 20 多名, 50 余项, 1600 多人次, 200 多人次).
 */
export const demoWorld = {
  studiosServing: 83,
  /** 社区 studios (not in a market, compound or office building). */
  studiosCommunity: 28,
  /** Studios in villages (农村社区) and enterprises. */
  studiosRuralEnterprise: 33,
  /** Studios in 大型市场, 住宅小区 and 商务楼宇. */
  studiosOtherVenues: 22,
  categories: 11,
  volunteers: 173,
  contractedLeaders: 23,
  commitments: 56,
  personTimes: 1628,
  legalAid: 214,
  legalMigrant: 118,
  legalYouth: 62,
  legalTaiwan: 26,
} as const;

/**
 * Person-times in the period of the three studios the seed names, so they lead the bulletin's
 * examples in the seed's order (蒋来发, 张婉珍, 张柏先): every other studio serves fewer. 张婉珍's
 * are her last quarter's (demo-evaluation.ts): her year-end sheet stays that quarter's services.
 */
export const demoExamples: ReadonlyArray<{ studio: string; personTimes: number }> = [
  { studio: '来发医疗卫生专业服务室', personTimes: 96 },
  { studio: '婉珍文艺专业服务室', personTimes: 78 },
  { studio: '柏先生猪养殖技术服务室', personTimes: 64 },
];

const monthStart = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
const monthIndexOf = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/**
 * The demo period: the twelve months ending with the month the demo was loaded in (a demo
 * loaded in December 2026 covers 2026). It holds the seed's instant, so everything the demo
 * loads counts in it, and the last quarter the evaluation scores.
 */
export function demoPeriod(at: string): { from: string; to: string } {
  const month = monthIndexOf(chinaDate(new Date(at)));
  return { from: monthStart(month - 11), to: monthStart(month + 1) };
}

/**
 * The months (YYYY-MM-01) the demo's record books are spread over: from the period's start to
 * the quarter before the current one. The last two quarters keep only the services other demo
 * files write, so the evaluation's and the current quarter's figures stay theirs.
 */
export function demoRecordMonths(at: string): string[] {
  const month = monthIndexOf(chinaDate(new Date(at)));
  const previousQuarter = month - (month % 3) - 3;
  const out: string[] = [];
  for (let i = month - 11; i < previousQuarter; i++) out.push(monthStart(i));
  return out;
}
