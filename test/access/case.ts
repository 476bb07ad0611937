import type { InjectOptions } from 'fastify';
import type { Role } from '../../src/domain/access/roles.ts';
import type { Db } from '../factories/common.ts';
import type { Place } from '../factories/demo.ts';
import type { StudioParents } from '../factories/studios.ts';

// What a feature's `<area>.access.ts` exports: its rows of the access matrix
// (src/server/access-matrix.test.ts), written by hand beside the routes they call.

/**
 * Who may call a route, written out by hand: the matrix checks the server's answers against
 * it, and src/server/access-cases.test.ts checks it against the policy table, so a change of
 * policy is made in both on purpose.
 */
export type Allowed = 'anyone' | 'signedIn' | readonly Role[];

/** Every staff role. */
export const staff: readonly Role[] = ['district_admin', 'street_admin', 'community_admin', 'member', 'supervisor'];
/** The party organisations: district, street and community admins. */
export const admins: readonly Role[] = ['district_admin', 'street_admin', 'community_admin'];

/**
 * Where a case makes its call: in scope, the demo objects of 西兴社区 (inside every demo actor's
 * scope); out of scope, those of 中城街道 (outside all but the district admin's).
 */
export interface Scene {
  db: Db;
  place: Place;
  inScope: boolean;
  /** A number no other call of the matrix has (usernames, codes, phones, idempotency keys). */
  n: number;
  /** 西兴社区, or 中城街道's 青草盂社区: where a case makes its objects. */
  community: number;
  /** 西城街道, or 中城街道. */
  street: number;
  /** What a list asks for with `?under=`: 西兴社区, or the whole of 中城街道. */
  under: number;
  /**
   * Who owns the studios (and so the requests and records) a case builds: in scope the demo
   * member 张婉珍 applies for and leads them; out of scope the 中城 street admin and 蒋来发; when
   * the matrix checks an `own` rule, another member of 西兴社区 (钟国华).
   */
  owner: Required<StudioParents>;
  /** The place's party organisation account: 西兴社区党委, or 中城街道党工委. */
  adminId: number;
  /**
   * The matrix checks an `own` rule: the case builds its object owned by another account of
   * 西兴社区 or 西城街道 than the acting demo one (钟国华 as `owner`; another street admin as a
   * letter's handler; another supervisor as an inspection's).
   */
  othersOwn: boolean;
}

/** One route's row of the matrix. */
export interface AccessCase {
  allowed: Allowed;
  /**
   * Of the allowed roles, those allowed only on objects they own (`own` rules). The case makes
   * its object with `scene.owner`: in scope that is the role's demo account (张婉珍 for the
   * member); the matrix also calls as the role on an object another account owns
   * (`scene.othersOwn`), expecting 404: not one's own looks like not found, from `authorize`
   * (src/server/scope.ts) and a lifecycle's guard (src/domain/lifecycle.ts) alike.
   */
  ownedBy?: readonly Role[];
  /**
   * A list that shows the `ownedBy` roles only their own objects: it names no object, so the
   * matrix makes no call on another's (it answers in scope and 404 out of it as other lists do).
   */
  list?: boolean;
  /**
   * The call names an object or a unit, so it is made out of scope too, where every role but the
   * district admin (whose district holds both places) must get 404.
   */
  scoped?: boolean;
  /** The call ends the caller's session: the matrix signs in again after it. */
  endsSession?: boolean;
  /** Builds what the call needs (through test/factories) and returns the request. */
  call(scene: Scene): InjectOptions | Promise<InjectOptions>;
}

/** A feature's rows, by `METHOD /url` as the route registers it. */
export type AccessCases = Record<string, AccessCase>;

type Payload = InjectOptions['payload'];

/** A GET request. */
export const get = (url: string): InjectOptions => ({ method: 'GET', url });
/** A POST request, with a JSON body when given. */
export const post = (url: string, body?: unknown): InjectOptions =>
  body === undefined ? { method: 'POST', url } : { method: 'POST', url, payload: body as Payload };
/** A PUT request with a JSON body. */
export const put = (url: string, body: unknown): InjectOptions => ({ method: 'PUT', url, payload: body as Payload });
/** A PATCH request with a JSON body. */
export const patch = (url: string, body: unknown): InjectOptions => ({
  method: 'PATCH',
  url,
  payload: body as Payload,
});
