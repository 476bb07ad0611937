import { describe, expect, it } from 'vitest';
import { roles } from '../../domain/access/roles.ts';
import { mayOpen, menuFor } from './navigation.ts';

// The menu each role saw when navigation.ts listed roles by hand, written out here so that a
// change to the access rules that would move a menu entry shows up as a failing test.
const expected = {
  district_admin: [
    '/org',
    '/accounts',
    '/audit',
    '/registry',
    '/needs',
    '/pressing',
    '/map',
    '/categories',
    '/studios',
    '/letters',
    '/letter-rates',
    '/mailbox-settings',
    '/reminders',
    '/outbox',
    '/supervisors',
    '/inspections',
    '/rectification-proposals',
    '/inspection-checklist',
    '/requests',
    '/records',
    '/legal-aid',
    '/about',
  ],
  street_admin: [
    '/org',
    '/accounts',
    '/registry',
    '/needs',
    '/pressing',
    '/map',
    '/studios',
    '/studio-reviews',
    '/letters',
    '/letter-rates',
    '/reminders',
    '/outbox',
    '/supervisors',
    '/inspections',
    '/rectification-proposals',
    '/requests',
    '/records',
    '/legal-aid',
    '/about',
  ],
  community_admin: [
    '/org',
    '/accounts',
    '/registry',
    '/needs',
    '/pressing',
    '/map',
    '/studios',
    '/studio-reviews',
    '/inspections',
    '/requests',
    '/records',
    '/legal-aid',
    '/about',
  ],
  member: ['/org', '/map', '/studio-apply', '/my-studios', '/requests', '/records', '/about'],
  supervisor: ['/org', '/map', '/my-inspections', '/about'],
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
});
