// The read endpoints: org-unit listings, login, registry search, siting coverage, nearest studios.
// Each is asked once and its answer checked before it is measured, so the load measures real answers.
import type { Session } from '../http.ts';
import { check, getJson } from '../http.ts';
import type { Target } from '../measure.ts';
import type { ProvinceMeta } from '../province.ts';
import { BENCH_CATEGORY_ID } from '../province-services.ts';
import type { Server } from '../servers.ts';
import { DURATION, log, n0, NEW_DURATION, type Part } from '../settings.ts';

/** The signed-in accounts and the server the endpoints are measured on. */
export interface EndpointContext {
  parts: Set<Part>;
  huimin: Server;
  meta: ProvinceMeta;
  admin: Session;
  street: Session;
}

/** The targets of the read endpoints among the selected parts, each checked once first. */
export async function endpointTargets({ parts, huimin, meta, admin, street }: EndpointContext): Promise<Target[]> {
  const port = huimin.port;
  const huiminUrl = (path: string) => `http://127.0.0.1:${port}${path}`;
  const s = meta.services;
  const endpoints: Target[] = [];

  if (parts.has('org-units')) {
    const streetPath = `/api/org-units?under=${meta.street.id}&limit=50`;
    const districtPath = `/api/org-units?under=${meta.district.id}&limit=50`;
    await check(port, streetPath, street.cookie, meta.street.subtreeSize);
    await check(port, districtPath, admin.cookie, meta.district.subtreeSize);
    await check(port, '/api/org-units?limit=50', admin.cookie, meta.units.total);
    endpoints.push(
      {
        id: 'street-subtree',
        part: 'org-units',
        label: `GET org-units under street (${meta.street.subtreeSize} units)`,
        server: huimin,
        spec: { url: huiminUrl(streetPath), headers: { cookie: street.cookie } },
        duration: DURATION,
      },
      {
        id: 'district-page',
        part: 'org-units',
        label: `GET org-units under district, page 1 (of ${meta.district.subtreeSize})`,
        server: huimin,
        spec: { url: huiminUrl(districtPath), headers: { cookie: admin.cookie } },
        duration: DURATION,
      },
      // The top admin's default listing: the first page of the whole province, counted in full.
      {
        id: 'province-page',
        part: 'org-units',
        label: `GET org-units, top admin's own (province, page 1 of ${meta.units.total})`,
        server: huimin,
        spec: { url: huiminUrl('/api/org-units?limit=50'), headers: { cookie: admin.cookie } },
        duration: DURATION,
      },
    );
  }
  if (parts.has('statistics')) {
    // The dashboard of the year 2026 at three levels, each checked against the generated rollups.
    const year = 'from=2026-01-01&to=2027-01-01';
    const levels = [
      ['province', admin, `/api/statistics/dashboard?${year}`, meta.rollups.personTimes.root],
      [
        'district',
        admin,
        `/api/statistics/dashboard?${year}&under=${meta.district.id}`,
        meta.rollups.personTimes.district,
      ],
      ['street', street, `/api/statistics/dashboard?${year}`, meta.rollups.personTimes.street],
    ] as const;
    for (const [level, session, path, expected] of levels) {
      const { status, body } = await getJson<{
        charts?: Array<{ id: string; items: Array<{ key: string; current: number }> }>;
      }>(port, path, session.cookie);
      const answered = body.charts
        ?.find((c) => c.id === 'headline')
        ?.items.find((i) => i.key === 'personTimes')?.current;
      if (status !== 200 || answered !== expected)
        throw new Error(
          `dashboard of the ${level} answered ${status} with ${answered} person-times; expected ${expected}`,
        );
      endpoints.push({
        id: `dashboard-${level}`,
        part: 'statistics',
        label: `GET statistics/dashboard, ${level}, year (${n0(meta.rollups.records)} records as ${n0(meta.rollups.rows)} rollup rows)`,
        server: huimin,
        spec: { url: huiminUrl(path), headers: { cookie: session.cookie } },
        duration: NEW_DURATION,
      });
    }
  }
  if (parts.has('login')) {
    endpoints.push({
      id: 'login',
      part: 'login',
      label: 'POST auth/login (argon2id, 4 connections)',
      server: huimin,
      // Attempts in flight count against the account's throttle before their password is checked
      // (so a burst of guesses gets no more than five checked). More than four connections on one
      // account from one address would measure refusals, not sign-ins.
      connections: 4,
      spec: {
        url: huiminUrl('/api/auth/login'),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: meta.accounts.topAdmin, password: meta.accounts.password }),
      },
      duration: DURATION,
    });
  }

  if (parts.has('registry')) {
    // Every connection asks the six searches in turn: initials (zwz and the street's commonest) and surnames.
    const paths = s.registryTotals.map((t) => `/api/volunteers?q=${encodeURIComponent(t.q)}&limit=20`);
    for (const [who, session, key] of [
      ['street', street, 'street'],
      ['top', admin, 'top'],
    ] as const) {
      for (const t of s.registryTotals) {
        const { status, body } = await getJson<{ items?: unknown[]; total?: number; totalIsEstimate?: boolean }>(
          port,
          `/api/volunteers?q=${encodeURIComponent(t.q)}&limit=20`,
          session.cookie,
        );
        const expected = t[key];
        // Above a thousand matches the API may estimate the total (shown as "about N"): within 10 %.
        const totalOk = body.totalIsEstimate
          ? expected > 1000 && Math.abs((body.total ?? 0) - expected) <= expected * 0.1
          : body.total === expected;
        if (status !== 200 || !totalOk || (body.items?.length ?? -1) !== Math.min(20, expected)) {
          throw new Error(
            `registry search q=${t.q} as the ${who} admin answered ${status} with total ${body.total}; expected ${expected}`,
          );
        }
      }
    }
    const qs = s.registryTotals.map((t) => t.q).join(' ');
    const range = (key: 'street' | 'top') =>
      `${n0(Math.min(...s.registryTotals.map((t) => t[key])))}–${n0(Math.max(...s.registryTotals.map((t) => t[key])))}`;
    endpoints.push(
      {
        id: 'registry-street',
        part: 'registry',
        label: `GET volunteers?q= (${qs}) street admin, ${range('street')} hits`,
        server: huimin,
        spec: { url: huiminUrl(paths[0] as string), paths, headers: { cookie: street.cookie } },
        duration: NEW_DURATION,
      },
      {
        id: 'registry-top',
        part: 'registry',
        label: `GET volunteers?q= (same) top admin, ${range('top')} hits of ${n0(s.volunteers)}`,
        server: huimin,
        spec: { url: huiminUrl(paths[0] as string), paths, headers: { cookie: admin.cookie } },
        duration: NEW_DURATION,
      },
    );
  }

  if (parts.has('coverage')) {
    const path = `/api/siting/coverage?categoryId=${BENCH_CATEGORY_ID}&under=${meta.district.id}&picks=5`;
    const { status, body, bytes } = await getJson<{
      servingStudios?: number;
      totalPopulation?: number;
      uncovered?: unknown[];
      recommendations?: unknown[];
    }>(port, path, admin.cookie);
    if (
      status !== 200 ||
      // Residents walk across boundaries: the district's own studios of the category all serve
      // it, and studios of neighbouring districts within the radius count too (never more than
      // all of the category's serving studios).
      (body.servingStudios ?? 0) < s.coverageDistrict.servingStudiosOfCategory ||
      (body.servingStudios ?? 0) > s.studios.ofBenchCategory ||
      !body.totalPopulation ||
      (body.recommendations?.length ?? 0) === 0
    ) {
      throw new Error(
        `coverage answered ${status}: ${JSON.stringify(body).slice(0, 300)}; expected at least the district's ${s.coverageDistrict.servingStudiosOfCategory} serving studios`,
      );
    }
    log(
      `coverage of ${meta.district.name}: ${s.coverageDistrict.areas} areas, ${s.coverageDistrict.venues} venues, ${body.servingStudios} serving studios; ${body.uncovered?.length} areas uncovered; answer ${n0(bytes / 1024)} KB`,
    );
    endpoints.push({
      id: 'coverage',
      part: 'coverage',
      label: `GET siting/coverage, district (${n0(s.coverageDistrict.areas)} areas, ${n0(bytes / 1024)} KB answer)`,
      server: huimin,
      spec: { url: huiminUrl(path), headers: { cookie: admin.cookie } },
      duration: NEW_DURATION,
    });
  }

  if (parts.has('nearest')) {
    const paths = s.nearestPoints.map(
      ([lng, lat]) => `/api/public/nearest?categoryId=${BENCH_CATEGORY_ID}&lng=${lng}&lat=${lat}&limit=10`,
    );
    const { status, body } = await getJson<{ studios?: Array<{ categoryIds: number[] }> }>(port, paths[0] as string);
    if (
      status !== 200 ||
      body.studios?.length !== 10 ||
      !body.studios.every((st) => st.categoryIds.includes(BENCH_CATEGORY_ID))
    ) {
      throw new Error(`nearest answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
    }
    endpoints.push({
      id: 'nearest',
      part: 'nearest',
      label: `GET public/nearest, no login (${paths.length} positions, ${n0(s.studios.ofBenchCategory)} of ${n0(s.studios.active)} serving)`,
      server: huimin,
      spec: { url: huiminUrl(paths[0] as string), paths },
      duration: NEW_DURATION,
    });
  }
  return endpoints;
}
