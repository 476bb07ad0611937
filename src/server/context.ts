import type { Kysely } from 'kysely';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/schema.ts';
import type { Engine } from '../db/migrations/helpers.ts';
import type { Actor } from '../domain/access/roles.ts';
import type { Action, Subject } from '../domain/access/rules.ts';
import type { Locale } from '../contract/common.ts';

/** Time, injectable so tests can move it (lockout, idle timeout). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What buildApp needs; tests pass their own. */
export interface AppDeps {
  db: Kysely<Database>;
  engine: Engine;
  config: Config;
  clock?: Clock;
  /** Directory of the built web app; null serves the API only. */
  webRoot?: string | null;
  appVersion?: string;
}

/** Services and settings every feature reaches through `app.deps`. */
export interface Deps {
  db: Kysely<Database>;
  engine: Engine;
  config: Config;
  clock: Clock;
  appVersion: string;
}

/** Who may call a route: anyone, any signed-in account, or roles with a rule for (action, subject). */
export type RouteAccess = { public: true } | { authenticated: true } | { action: Action; subject: Subject };

/** Who did a change and from where: what the audit log records beside the change. */
export interface AuditContext {
  actor: Actor | null;
  ip: string;
  requestId: string;
  at: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    deps: Deps;
    /**
     * Every API route, who may call it and its response contracts by status, collected as routes
     * register (the access-matrix test and the serialisation test read it).
     */
    routeAccess: Array<{ method: string; url: string; access: RouteAccess; response?: Record<string, unknown> }>;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    sessionId: string | null;
    sessionExpired: boolean;
  }
}
