import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: port 3000, SQLite in ./data, demo off, 30-minute idle timeout', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      HUIMIN_DATA_DIR: 'data',
      HUIMIN_DEMO: false,
      SESSION_IDLE_MINUTES: 30,
      LOCKOUT_MAX_FAILURES: 5,
      LOCKOUT_MINUTES: 30,
    });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('reports every problem at once', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://x', HUIMIN_DEMO: 'maybe' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*HUIMIN_DEMO/,
    );
  });

  it('switches demo data off with HUIMIN_DEMO=0', () => {
    expect(loadConfig({ HUIMIN_DEMO: '0' }).HUIMIN_DEMO).toBe(false);
  });

  it('does not allow a password policy weaker than 8 characters', () => {
    expect(() => loadConfig({ PASSWORD_MIN_LENGTH: '6' })).toThrow(/PASSWORD_MIN_LENGTH/);
  });
});
