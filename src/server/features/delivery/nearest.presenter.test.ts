import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nearestResult } from '../../../contract/delivery.ts';
import { writerBuilder } from '../../plugins/serialization.ts';
import { nearestJson } from './nearest.presenter.ts';
import type { IndexedStudio } from './studio-index.repository.ts';

const studios: IndexedStudio[] = [
  {
    id: 19,
    name: '明英健康服务室',
    unitName: '翠屏社区居委会',
    categoryIds: [5],
    openingHours: '每周五 9:00-11:30',
    lng: 117.052842,
    lat: 25.085439,
  },
  {
    id: 2,
    name: 'A "quoted" \\ name\u2028',
    unitName: 'x\ny',
    categoryIds: [1, 5, 12],
    openingHours: '',
    lng: -0.5,
    lat: 1e-7,
  },
  { id: 3, name: '𠮷野家', unitName: '', categoryIds: [], openingHours: '每天', lng: 118, lat: 24.5 },
];

describe('the nearest-studio answer written from kept pieces', () => {
  it('is byte for byte what the contract writer and zod make of the same answer, again and again', () => {
    const write = writerBuilder()({ schema: nearestResult, method: 'GET', url: '/x', httpStatus: '200' });
    const origin = { lng: 119.30480580363201, lat: 26.076899832617137 };
    for (const distances of [
      [0, 1, 2],
      [251324, 252710, 9_999_999],
    ]) {
      const found = studios.map((studio, i) => ({ studio, distanceM: distances[i] ?? 0 }));
      const answer = { origin, studios: found.map(({ studio, distanceM }) => ({ ...studio, distanceM })) };
      const json = nearestJson(origin, found);
      expect(json).toBe(write(answer));
      expect(json).toBe(JSON.stringify(z.encode(nearestResult, answer)));
    }
  });

  it('writes an empty list when nothing is near', () => {
    expect(JSON.parse(nearestJson({ lng: 1, lat: 2 }, []))).toEqual({ origin: { lng: 1, lat: 2 }, studios: [] });
  });
});
