/**
 * The generators of the bench province's services (bench/province-services.ts): the registry,
 * the studios and the siting data, built as rows from one seeded PRNG. They run in this order
 * on the same PRNG, so the data set stays the same as long as the order does.
 */
import type { UnitSpec } from '../src/db/seed/units.ts';
import { searchKeysOf } from '../src/domain/text/search-keys.ts';
import {
  AVAILABILITY,
  ESTATES,
  FEMALE,
  ITEM_WORDS,
  MALE,
  MARKETS,
  OFFICES,
  OTHER_STATUSES,
  PROFESSIONS,
  QUALIFICATIONS,
  STUDIO_WORD,
  pick,
  round6,
  surname,
} from './province-words.ts';

type Rows = Array<Record<string, unknown>>;

/** A community, village or enterprise with its point and the street and district above it. */
export interface Leaf {
  spec: UnitSpec;
  id: number;
  lng: number;
  lat: number;
  streetCode: string;
  districtCode: string;
}

/** A person in the registry, as the generators and the expected search totals see them. */
export interface Person {
  id: number;
  name: string;
  pinyin: string;
  initials: string;
  profession: string;
  qualifications: string | null;
  unit: Leaf;
}

/** The member account's studio: the one the record benchmark writes to. */
export interface RecordStudio {
  id: number;
  name: string;
  unitCode: string;
  categoryId: number;
}

/** People spread over the units by level (communities are larger), at least 3 per studio, and their skills. */
export function generatePeople(r: () => number, leaves: Leaf[], studiosPer: number[], total: number, at: string) {
  const levelWeight = { community: 16, village: 10, enterprise: 5 } as Record<string, number>;
  const weights = leaves.map((l) => (levelWeight[l.spec.level] ?? 8) * (0.4 + r() * 1.2));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const peoplePer = weights.map((w, i) => Math.max(Math.floor((total * w) / wsum), 3 * (studiosPer[i] ?? 0) + 2));
  let extra = total - peoplePer.reduce((a, b) => a + b, 0);
  for (let i = 0; extra !== 0; i = (i + 1) % leaves.length) {
    if (extra > 0) {
      peoplePer[i] = (peoplePer[i] ?? 0) + 1;
      extra--;
    } else if ((peoplePer[i] ?? 0) > 3 * (studiosPer[i] ?? 0) + 2) {
      peoplePer[i] = (peoplePer[i] ?? 0) - 1;
      extra++;
    }
  }

  const keysCache = new Map<string, { pinyin: string; initials: string }>();
  const keysOf = (name: string) => {
    let k = keysCache.get(name);
    if (!k) {
      k = searchKeysOf(name);
      keysCache.set(name, k);
    }
    return k;
  };
  // Unique mobiles: a multiplicative scramble of the person's number over 10^9, behind 15/17/18/19.
  const phoneOf = (n: number) =>
    `1${'5789'[n % 4]}${String((n * 387_420_489 + 12_345_678) % 1_000_000_000).padStart(9, '0')}`;

  const people: Person[] = [];
  const volunteerRows: Rows = [];
  const volunteerCategoryRows: Array<{ volunteer_id: number; category_id: number }> = [];
  const peopleByLeaf: Person[][] = [];
  leaves.forEach((leaf, li) => {
    const mine: Person[] = [];
    for (let k = 0; k < (peoplePer[li] ?? 0); k++) {
      const id = people.length + 1;
      const male = r() < 0.52;
      const pool = male ? MALE : FEMALE;
      const name = surname(r) + (r() < 0.75 ? pick(r, pool) + pick(r, pool) : pick(r, pool));
      const keys = keysOf(name);
      const profession = pick(r, PROFESSIONS);
      const qualifications = r() < 0.3 ? pick(r, QUALIFICATIONS) : null;
      const p: Person = {
        id,
        name,
        pinyin: keys.pinyin,
        initials: keys.initials,
        profession,
        qualifications,
        unit: leaf,
      };
      people.push(p);
      mine.push(p);
      const screening = r();
      volunteerRows.push({
        id,
        kind: r() < 0.82 ? 'party_member' : 'talent',
        name,
        gender: male ? '男' : '女',
        birth_year: 1940 + Math.floor(r() * 62),
        phone: phoneOf(id),
        unit_id: leaf.id,
        account_id: null,
        party_branch: `${leaf.spec.shortName}第${'一二三'[Math.floor(r() * 3)]}党支部`,
        profession,
        pinyin: keys.pinyin,
        initials: keys.initials,
        screening_status: screening < 0.6 ? 'selected' : screening < 0.95 ? 'candidate' : 'declined',
        id_number_hash: null,
        id_number_masked: null,
        contact_name: null,
        qualifications,
        availability: pick(r, AVAILABILITY),
        notes: null,
        screened_by: null,
        screened_at: null,
        screening_reason: null,
        created_at: at,
        updated_at: at,
      });
      const first = 1 + Math.floor(r() * 11);
      volunteerCategoryRows.push({ volunteer_id: id, category_id: first });
      if (r() < 0.45) {
        const second = 1 + Math.floor(r() * 11);
        if (second !== first) volunteerCategoryRows.push({ volunteer_id: id, category_id: second });
      }
    }
    peopleByLeaf.push(mine);
  });

  return { people, volunteerRows, volunteerCategoryRows, peopleByLeaf };
}

/** Studios: the unit's first people lead them; team studios take the next ones as members. */
export function generateStudios(
  r: () => number,
  leaves: Leaf[],
  peopleByLeaf: Person[][],
  studiosPer: number[],
  opts: { benchStreetCode: string; adminAccountId: number },
  at: string,
) {
  const studioRows: Rows = [];
  const studioCategoryRows: Array<{ studio_id: number; category_id: number }> = [];
  const memberRows: Array<{ studio_id: number; volunteer_id: number; role: string }> = [];
  const itemRows: Array<{ studio_id: number; title: string; description: string; position: number }> = [];
  const plaqueRows: Rows = [];
  const serving: Array<{ id: number; lng: number; lat: number; categories: number[]; districtCode: string }> = [];
  let recordStudio: RecordStudio | undefined;
  let recordLeader: Person | undefined;
  let active = 0;
  leaves.forEach((leaf, li) => {
    const staff = peopleByLeaf[li] ?? [];
    let next = 0;
    for (let k = 0; k < (studiosPer[li] ?? 0); k++) {
      const id = studioRows.length + 1;
      const leader = staff[next++] as Person;
      const team = r() < 0.4 ? 1 + Math.floor(r() * 2) : 0;
      const members = staff.slice(next, next + team);
      next += team;
      const c1 = 1 + Math.floor(r() * 11);
      const c2 = r() < 0.5 ? 1 + Math.floor(r() * 11) : c1;
      const categories = c1 === c2 ? [c1] : [c1, c2];
      // The first studio of the bench street's first community is the member account's, and serving.
      const isRecordStudio =
        !recordStudio && leaf.streetCode === opts.benchStreetCode && leaf.spec.level === 'community';
      const status = isRecordStudio || r() < 0.92 ? 'active' : pick(r, OTHER_STATUSES);
      const hasPlaque = ['active', 'rectification', 'closed'].includes(status);
      const plaque = hasPlaque ? `FJ-${String(2011 + (id % 14))}-${String(id).padStart(6, '0')}` : null;
      const given = leader.name.length > 2 ? leader.name.slice(-2) : leader.name;
      const name = `${given}${STUDIO_WORD[c1] ?? ''}${r() < 0.5 ? '专业服务室' : '工作室'}`;
      const lng = round6(leaf.lng + (r() - 0.5) * 0.012);
      const lat = round6(leaf.lat + (r() - 0.5) * 0.011);
      studioRows.push({
        id,
        name,
        unit_id: leaf.id,
        status,
        staffing_mode: team ? 'team' : 'single',
        origin: r() < 0.3 ? 'self' : 'recommended',
        recommended_by_unit_id: null,
        applicant_account_id: opts.adminAccountId,
        leader_volunteer_id: leader.id,
        description: `发挥${leader.profession}特长，为${leaf.spec.shortName}居民提供${(ITEM_WORDS[c1] ?? ['志愿服务'])[0]}等服务。`,
        venue_address: `${leaf.spec.shortName}党群服务中心`,
        opening_hours: pick(r, [
          '每周二、四 19:30-21:00',
          '每周六 9:00-11:00',
          '每天 8:30-11:30',
          '每周三 14:30-17:30',
          '工作日 16:30-18:00',
        ]),
        contact_phone: `0591-8${String(id).padStart(7, '0')}`,
        lng,
        lat,
        term_start: hasPlaque || status === 'contracted' ? '2025-01-01' : null,
        term_end: hasPlaque || status === 'contracted' ? '2027-12-31' : null,
        plaque_number: plaque,
        status_reason:
          status === 'rectification'
            ? '服务记录不全，限期整改。'
            : status === 'closed'
              ? '领岗党员工作调动，本人申请不再领岗。'
              : null,
        // Active since the plaque was awarded: serving through every quarter the evaluation scores.
        status_changed_at: status === 'active' ? '2025-01-01T00:00:00.000Z' : at,
        created_at: at,
        updated_at: at,
      });
      for (const c of categories) studioCategoryRows.push({ studio_id: id, category_id: c });
      memberRows.push({ studio_id: id, volunteer_id: leader.id, role: 'leader' });
      for (const m of members) memberRows.push({ studio_id: id, volunteer_id: m.id, role: 'member' });
      (ITEM_WORDS[c1] ?? [])
        .slice(0, 2)
        .forEach((title, i) => itemRows.push({ studio_id: id, title, description: '', position: i + 1 }));
      if (plaque)
        plaqueRows.push({
          number: plaque,
          studio_id: id,
          awarded_on: '2025-01-01',
          awarded_by: opts.adminAccountId,
          retired_on: status === 'closed' ? '2026-06-30' : null,
          retired_reason: null,
        });
      if (status === 'active') active++;
      if (status === 'active' || status === 'rectification')
        serving.push({ id, lng, lat, categories, districtCode: leaf.districtCode });
      if (isRecordStudio) {
        recordStudio = { id, name, unitCode: leaf.spec.code, categoryId: c1 };
        recordLeader = leader;
      }
    }
  });

  return {
    studioRows,
    studioCategoryRows,
    memberRows,
    itemRows,
    plaqueRows,
    serving,
    recordStudio,
    recordLeader,
    active,
  };
}

/** Siting: residential areas (with populations) and venues around each unit's point. */
export function generateSiting(
  r: () => number,
  leaves: Leaf[],
  byCode: Map<string, UnitSpec>,
  benchDistrictCode: string,
  at: string,
) {
  const areaRows: Rows = [];
  const venueRows: Rows = [];
  let population = 0;
  const district = { areas: 0, venues: 0 };
  for (const leaf of leaves) {
    const s = leaf.spec;
    const stem = s.shortName.replace(/社区$|村$/, '');
    const inDistrict = leaf.districtCode === benchDistrictCode;
    const count =
      s.level === 'community'
        ? 6 + Math.floor(r() * 6)
        : s.level === 'village'
          ? 4 + Math.floor(r() * 3)
          : r() < 0.5
            ? 1
            : 0;
    for (let i = 0; i < count; i++) {
      // Estates of 200–800 people and natural villages of 100–400: about 38 million in all, near Fujian's 41.
      const pop =
        Math.round(
          (s.level === 'community' ? 200 + r() * 600 : s.level === 'village' ? 100 + r() * 300 : 100 + r() * 300) / 10,
        ) * 10;
      population += pop;
      const name =
        s.level === 'community'
          ? `${stem}${pick(r, ESTATES)}${i > 0 ? `${i + 1}期` : ''}`
          : s.level === 'village'
            ? `${stem}${['上', '下', '中', '新', '后', '前'][i] ?? ''}自然村`
            : `${s.shortName}职工宿舍`;
      areaRows.push({
        unit_id: leaf.id,
        name,
        population: pop,
        lng: round6(leaf.lng + (r() - 0.5) * 0.024),
        lat: round6(leaf.lat + (r() - 0.5) * 0.022),
        created_at: at,
        updated_at: at,
      });
    }
    const venue = (type: string, name: string, dLng: number, dLat: number) =>
      venueRows.push({
        unit_id: leaf.id,
        type,
        name,
        address: `${byCode.get(s.parentCode ?? '')?.shortName ?? ''}${s.shortName}`,
        lng: round6(leaf.lng + dLng),
        lat: round6(leaf.lat + dLat),
        created_at: at,
        updated_at: at,
      });
    if (s.level === 'enterprise') {
      venue('enterprise', s.shortName, 0.006, -0.005);
      if (r() < 0.3) venue('office', `${s.shortName}办公楼`, 0.004, 0.002);
    } else {
      venue('community', `${s.shortName}党群服务中心`, 0, 0);
      const urban = s.level === 'community';
      if (r() < (urban ? 0.6 : 0.25)) venue('residential', `${stem}${pick(r, ESTATES)}物业中心`, 0.004, -0.003);
      if (r() < (urban ? 0.3 : 0.25)) venue('market', `${stem}${pick(r, MARKETS)}`, -0.003, 0.004);
      if (urban && r() < 0.3) venue('office', `${stem}${pick(r, OFFICES)}`, 0.005, 0.002);
    }
    if (inDistrict) {
      district.areas += count;
    }
  }
  const leafIds = new Set(leaves.filter((l) => l.districtCode === benchDistrictCode).map((l) => l.id));
  district.venues = venueRows.filter((v) => leafIds.has(v.unit_id as number)).length;

  return { areaRows, venueRows, population, district };
}
