import { DEMO_PASSWORD } from '../../../db/seed/demo-password.ts';
import { get, post, put, type AccessCases } from '../../../../test/access/case.ts';
import { restoreDemoPasswords } from '../../../../test/factories/accounts.ts';

/** Signing in and out, and an account's own settings: the access matrix's rows. */
export const accessCases: AccessCases = {
  'POST /api/auth/login': {
    allowed: 'anyone',
    call: () => post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD }),
  },
  'POST /api/auth/logout': { allowed: 'signedIn', endsSession: true, call: () => post('/api/auth/logout') },
  'GET /api/auth/me': { allowed: 'signedIn', call: () => get('/api/auth/me') },
  'PUT /api/auth/me/settings': { allowed: 'signedIn', call: () => put('/api/auth/me/settings', { largeFont: false }) },
  'POST /api/auth/password': {
    allowed: 'signedIn',
    // A new password must differ and meet the policy; the demo password is given back after.
    call: () =>
      post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a new passphrase for the matrix' }),
    restore: (scene) => restoreDemoPasswords(scene.db),
  },
};
