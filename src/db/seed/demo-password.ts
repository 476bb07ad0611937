/**
 * The documented demo password of every demo account (demo mode only). Kept apart from the demo
 * data so the server can refuse it outside demo mode without loading the seeding code at start.
 */
export const DEMO_PASSWORD = 'Huimin@2026';
