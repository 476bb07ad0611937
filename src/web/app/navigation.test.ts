import { describe, expect, it } from 'vitest';
import { roles } from '../../domain/access/roles.ts';
import { entryOf, mayOpen, menuFor, menuTreeFor } from './navigation.ts';

// The menu each role saw when navigation.ts listed roles by hand, written out here so that a
// change to the access rules that would move a menu entry shows up as a failing test.
const expected = {
  district_admin: [
    '/workbench',
    '/org',
    '/accounts',
    '/audit',
    '/registry',
    '/needs',
    '/pressing',
    '/map',
    '/categories',
    '/studios',
    '/reminders',
    '/outbox',
    '/requests',
    '/records',
    '/letters',
    '/letter-rates',
    '/supervision-overview',
    '/mailbox-settings',
    '/supervisors',
    '/inspections',
    '/rectification-proposals',
    '/inspection-checklist',
    '/legal-aid',
    '/evaluation',
    '/year-end',
    '/evaluation-scheme',
    '/evaluation-proposals',
    '/statistics',
    '/bulletins',
    '/network-imports',
    '/public-address',
    '/record-settings',
    '/about',
  ],
  street_admin: [
    '/workbench',
    '/org',
    '/accounts',
    '/registry',
    '/needs',
    '/pressing',
    '/map',
    '/studios',
    '/studio-reviews',
    '/reminders',
    '/outbox',
    '/requests',
    '/records',
    '/letters',
    '/letter-rates',
    '/supervision-overview',
    '/supervisors',
    '/inspections',
    '/rectification-proposals',
    '/legal-aid',
    '/evaluation',
    '/year-end',
    '/evaluation-proposals',
    '/statistics',
    '/bulletins',
    '/network-imports',
    '/about',
  ],
  community_admin: [
    '/workbench',
    '/org',
    '/accounts',
    '/registry',
    '/needs',
    '/pressing',
    '/map',
    '/studios',
    '/studio-reviews',
    '/requests',
    '/records',
    '/inspections',
    '/legal-aid',
    '/evaluation',
    '/year-end',
    '/statistics',
    '/about',
  ],
  member: [
    '/workbench',
    '/org',
    '/map',
    '/studio-apply',
    '/my-studios',
    '/requests',
    '/records',
    '/evaluation',
    '/year-end',
    '/about',
  ],
  supervisor: ['/workbench', '/org', '/map', '/my-inspections', '/evaluation', '/year-end', '/about'],
};

describe('the main menu, derived from the access rules', () => {
  it('shows each role the pages it showed when roles were listed by hand', () => {
    for (const role of roles)
      expect(
        menuFor(role).map((i) => i.path),
        role,
      ).toEqual(expected[role]);
  });

  it('opens a page only to the roles that see it in the menu', () => {
    for (const role of roles) {
      expect(mayOpen(role, '/audit')).toBe(role === 'district_admin');
      expect(mayOpen(role, '/about')).toBe(true);
      expect(mayOpen(role, '/not-a-page')).toBe(false);
    }
  });

  it('groups the menu: the workbench on top, then each group the role sees something in, in order', () => {
    const tree = (role: (typeof roles)[number]) =>
      menuTreeFor(role).map((n) =>
        'item' in n ? n.item.path : `${n.group.key}:${n.items.map((i) => i.path).join(',')}`,
      );
    expect(tree('member')).toEqual([
      '/workbench',
      'org:/org',
      'needs:/map',
      'studios:/studio-apply,/my-studios',
      'service:/requests,/records',
      'supervision:/evaluation,/year-end',
      'system:/about',
    ]);
    expect(tree('street_admin')).toEqual([
      '/workbench',
      'org:/org,/registry',
      'needs:/needs,/pressing,/map',
      'studios:/studios,/studio-reviews,/reminders',
      'service:/requests,/records',
      'supervision:/letters,/letter-rates,/supervision-overview,/supervisors,/inspections,/rectification-proposals,/evaluation,/year-end,/evaluation-proposals',
      'statistics:/legal-aid,/statistics,/bulletins,/network-imports',
      'system:/accounts,/outbox,/about',
    ]);
  });

  it('finds the entry of a page below it, never one that only shares a prefix', () => {
    expect(entryOf('/studios/12/commitments')?.path).toBe('/studios');
    expect(entryOf('/studio-reviews')?.path).toBe('/studio-reviews');
    expect(entryOf('/records/new')?.path).toBe('/records');
    expect(entryOf('/nowhere')).toBeUndefined();
  });
});
