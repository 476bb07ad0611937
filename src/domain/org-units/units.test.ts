import { describe, expect, it } from 'vitest';
import {
  holdsEveryUnit,
  allowedChildLevels,
  ancestorPathsWithin,
  childPath,
  defaultPostKind,
  isGrassroots,
  isValidUnitCode,
  isWithin,
  pathDepth,
  subtreeRange,
} from './units.ts';

describe('materialized paths', () => {
  const street = childPath(childPath(null, '350802000000'), '350802003000');

  it('builds a path from the ancestors’ codes', () => {
    expect(street).toBe('/350802000000/350802003000/');
  });

  it('puts the unit, its descendants and nothing else inside its subtree range', () => {
    const { from, to } = subtreeRange(street);
    const inRange = (p: string) => p >= from && p < to;
    expect(inRange(street)).toBe(true);
    expect(inRange(childPath(street, '350802003004'))).toBe(true);
    expect(inRange('/350802000000/350802003000E/')).toBe(false);
    expect(inRange('/350802000000/3508020030001/')).toBe(false);
    expect(inRange('/350802000000/350802004000/')).toBe(false);
    expect(inRange('/350802000000/')).toBe(false);
  });

  it('knows when a unit lies within a scope', () => {
    expect(isWithin(childPath(street, '350802003004'), street)).toBe(true);
    expect(isWithin('/350802000000/350802004000/', street)).toBe(false);
  });

  it('refuses codes that would break a path', () => {
    expect(isValidUnitCode('350802003E01')).toBe(true);
    expect(isValidUnitCode('35/08')).toBe(false);
    expect(isValidUnitCode('')).toBe(false);
  });
});

describe('levels and posts', () => {
  it('gives the district a centre, streets and towns a station, the rest a point (中心、站、点)', () => {
    expect(defaultPostKind('district')).toBe('center');
    expect(defaultPostKind('town')).toBe('station');
    expect(defaultPostKind('village')).toBe('point');
    expect(defaultPostKind('enterprise')).toBe('point');
  });

  it('places streets under the district and communities under streets, nothing under a community', () => {
    expect(allowedChildLevels('district')).toEqual(['street', 'town']);
    expect(allowedChildLevels('street')).toContain('enterprise');
    expect(allowedChildLevels('community')).toEqual([]);
  });

  it('counts communities, villages and enterprises as grassroots, streets and the district not', () => {
    expect(['community', 'village', 'enterprise'].every(isGrassroots)).toBe(true);
    expect(['district', 'street', 'town', 'nowhere'].some(isGrassroots)).toBe(false);
  });
});

describe('pathDepth', () => {
  it('counts a root as 1 and each level below it as one more', () => {
    const district = childPath(null, '350802000000');
    expect(pathDepth(district)).toBe(1);
    expect(pathDepth(childPath(district, '350802003000'))).toBe(2);
    expect(pathDepth(childPath(childPath(district, '350802003000'), '350802003004'))).toBe(3);
  });
});

describe('ancestorPathsWithin', () => {
  const community = '/350802000000/350802003000/350802003001/';

  it('names every ancestor from the scope’s own unit down to the parent', () => {
    expect(ancestorPathsWithin(community, '/350802000000/')).toEqual(['/350802000000/', '/350802000000/350802003000/']);
  });

  it('leaves out the ancestors above the scope, and has none for the scope itself', () => {
    expect(ancestorPathsWithin(community, '/350802000000/350802003000/')).toEqual(['/350802000000/350802003000/']);
    expect(ancestorPathsWithin('/350802000000/', '/350802000000/')).toEqual([]);
  });
});

describe('holdsEveryUnit', () => {
  const paths = ['/1/', '/1/2/', '/1/2/3/', '/1/4/'];
  it('is true for the one root only', () => {
    expect(holdsEveryUnit(paths, '/1/')).toBe(true);
    expect(holdsEveryUnit(paths, '/1/2/')).toBe(false);
    expect(holdsEveryUnit([...paths, '/5/'], '/1/')).toBe(false);
    expect(holdsEveryUnit([], '/1/')).toBe(false);
  });
});
