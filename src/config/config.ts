import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** The environment Huimin reads, with defaults; see .env.example. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  HUIMIN_DATA_DIR: z.string().min(1).default('data'),
  // Off unless asked: a server (a container, a service unit) never seeds accounts with a
  // published password by itself. `npm start` and `npm run dev` turn it on for newcomers.
  HUIMIN_DEMO: flag.default(false),
  HUIMIN_PUBLIC_URL: z.string().url().optional(),
  // The business time zone: every date Huimin prints (agreements, certificates, the console) is
  // a calendar day there, whatever the server's or the browser's own zone.
  HUIMIN_TIME_ZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone, e.g. Asia/Shanghai')
    .default('Asia/Shanghai'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LOCKOUT_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
  LOGIN_SOURCE_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
  LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(12),
  PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(1),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  TRUST_PROXY: flag.default(false),
  IMPORT_FILE_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** The Chromium that prints HTML documents (the bulletin) to PDF. */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

/** The parsed configuration. */
export type Config = z.infer<typeof configSchema>;

/** Parses the environment once; every problem is reported together. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Configuration for tests: defaults with demo data off, overridable. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...configSchema.parse({ HUIMIN_DEMO: '0', LOG_LEVEL: 'silent' }), ...overrides };
}
