/**
 * The units of the bench province (bench/province.ts): 90 districts, 1,100 streets and towns and
 * 17,000 communities, villages and enterprises under one top unit, with realistic Fujian place
 * names, generated from a seeded PRNG so that every run builds the same province.
 */
import type { UnitSpec } from '../src/db/seed/units.ts';

const SIZES = { districts: 90, streetsAndTowns: 1_100, leaves: 17_000 };

/** mulberry32: a small seeded PRNG, so every run generates the same province. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters common in Fujian place names (first and second syllable of a two-character name).
const FIRST = [
  ...'东西南北中上下大小新龙凤金银石青白黄红马鹤梅竹松桂兰莲溪江湖山岭坪洋田塘林高长永安平福宁清华兴和顺富古桥岩云霞涵翠锦仙',
];
const SECOND = [
  ...'山峰岭岩溪江湖港湾洋田坪埔厝庄城坊桥塘坑口头阳安宁平和丰兴隆昌盛华美源泉林园亭岗屿洲前后里亨福德春光',
];
const TRADES = [
  '物流',
  '建材',
  '食品',
  '机械',
  '电子',
  '纺织',
  '茶业',
  '农业',
  '建设',
  '医药',
  '鞋业',
  '石材',
  '环保',
  '汽配',
  '水产',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** A two-character stem not yet used among its siblings. */
function stem(r: () => number, used: Set<string>): string {
  for (;;) {
    const s = pick(r, FIRST) + pick(r, SECOND);
    if (!used.has(s)) {
      used.add(s);
      return s;
    }
  }
}

/** Splits `total` into `parts` counts of at least `min`, uneven like real divisions. */
function spread(r: () => number, total: number, parts: number, min: number): number[] {
  const counts = Array.from({ length: parts }, () => min);
  const weights = Array.from({ length: parts }, () => 0.3 + r() * r() * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total - min * parts;
  const shares = weights.map((w) => Math.floor(((total - min * parts) * w) / sum));
  for (let i = 0; i < parts; i++) {
    counts[i] = (counts[i] ?? 0) + (shares[i] ?? 0);
    left -= shares[i] ?? 0;
  }
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The units of the province, parents before children, with 12-digit division-style codes. */
export function provinceUnits(): UnitSpec[] {
  const r = rng(20261125);
  const specs: UnitSpec[] = [];
  const rootCode = '350000000000';
  specs.push({
    code: rootCode,
    name: '福建省（基准）',
    shortName: '福建省',
    level: 'district',
    parentCode: null,
    lng: 119.296494,
    lat: 26.074508,
  });

  const streetsPer = spread(r, SIZES.streetsAndTowns, SIZES.districts, 5);
  const leavesPer = spread(r, SIZES.leaves, SIZES.streetsAndTowns, 3);
  const districtStems = new Set<string>();
  let streetIndex = 0;
  for (let d = 0; d < SIZES.districts; d++) {
    // 35 CC DD 000000: nine "cities" of ten districts each.
    const dCode = `35${pad(Math.floor(d / 10) + 1, 2)}${pad((d % 10) + 1, 2)}000000`;
    const dStem = stem(r, districtStems);
    const dSuffix = pick(r, ['区', '区', '县', '县', '县', '市']);
    const dLng = 116 + r() * 4.2;
    const dLat = 24 + r() * 3.8;
    specs.push({
      code: dCode,
      name: dStem + dSuffix,
      shortName: dStem + dSuffix,
      level: 'district',
      parentCode: rootCode,
      lng: round6(dLng),
      lat: round6(dLat),
    });

    const streetStems = new Set<string>();
    for (let s = 0; s < (streetsPer[d] ?? 0); s++, streetIndex++) {
      const isStreet = r() < 0.3;
      const sStem = stem(r, streetStems);
      const sName = isStreet ? `${sStem}街道` : `${sStem}${r() < 0.8 ? '镇' : '乡'}`;
      const sCode = `${dCode.slice(0, 6)}${pad(isStreet ? s + 1 : s + 100, 3)}000`;
      const sLng = dLng + (r() - 0.5) * 0.3;
      const sLat = dLat + (r() - 0.5) * 0.3;
      specs.push({
        code: sCode,
        name: sName,
        shortName: sName,
        level: isStreet ? 'street' : 'town',
        parentCode: dCode,
        lng: round6(sLng),
        lat: round6(sLat),
      });

      const leafStems = new Set<string>();
      let enterprises = 0;
      for (let v = 0; v < (leavesPer[streetIndex] ?? 0); v++) {
        const lStem = stem(r, leafStems);
        const point = { lng: round6(sLng + (r() - 0.5) * 0.08), lat: round6(sLat + (r() - 0.5) * 0.08) };
        if (r() < 0.1) {
          enterprises++;
          const trade = pick(r, TRADES);
          specs.push({
            code: `${sCode.slice(0, 9)}E${pad(enterprises, 2)}`,
            name: `${lStem}${trade}有限公司`,
            shortName: `${lStem}${trade}`,
            level: 'enterprise',
            parentCode: sCode,
            ...point,
          });
        } else if (isStreet || r() < 0.15) {
          specs.push({
            code: `${sCode.slice(0, 9)}${pad(v + 1, 3)}`,
            name: `${lStem}社区居民委员会`,
            shortName: `${lStem}社区`,
            level: 'community',
            parentCode: sCode,
            ...point,
          });
        } else {
          specs.push({
            code: `${sCode.slice(0, 9)}${pad(v + 200, 3)}`,
            name: `${lStem}村民委员会`,
            shortName: `${lStem}村`,
            level: 'village',
            parentCode: sCode,
            ...point,
          });
        }
      }
    }
  }
  return specs;
}
