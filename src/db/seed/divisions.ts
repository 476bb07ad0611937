import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { UnitLevel } from '../../domain/org-units/units.ts';

/** One row of assets/xinluo/divisions.csv (real NBS codes and names, GCJ-02 points). */
export interface Division {
  code: string;
  name: string;
  shortName: string;
  level: UnitLevel;
  parentCode: string;
  lng: number | null;
  lat: number | null;
}

const file = fileURLToPath(new URL('../../../assets/xinluo/divisions.csv', import.meta.url));

/** Reads the Xinluo divisions, parents before children. The file has no quoted fields. */
export function readXinluoDivisions(): Division[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = (header ?? '').split(',');
  const at = (name: string) => cols.indexOf(name);
  const num = (s: string | undefined) => (s ? Number(s) : null);
  return lines.map((line) => {
    const f = line.split(',');
    return {
      code: f[at('code')] ?? '',
      name: f[at('name')] ?? '',
      shortName: f[at('short_name')] || (f[at('name')] ?? ''),
      level: (f[at('level')] ?? 'community') as UnitLevel,
      parentCode: f[at('parent_code')] ?? '',
      lng: num(f[at('lng')]),
      lat: num(f[at('lat')]),
    };
  });
}
