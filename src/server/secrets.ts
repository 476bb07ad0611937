import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ensureSetting } from './settings.repository.ts';

const cache = new WeakMap<Kysely<Database>, Map<string, string>>();

/**
 * A random secret of this installation, created on first use and kept in the settings
 * table, so every server instance on the same database shares it.
 */
export async function installSecret(db: Kysely<Database>, key: string): Promise<string> {
  const known = cache.get(db)?.get(key);
  if (known) return known;
  const value = await ensureSetting(db, key, randomBytes(32).toString('hex'), new Date().toISOString());
  const map = cache.get(db) ?? new Map<string, string>();
  map.set(key, value);
  cache.set(db, map);
  return value;
}

/**
 * The keyed hash under which an ID number is matched. A plain hash of an 18-digit number
 * with a known structure could be reversed by trying them all; the install's secret key
 * prevents that.
 */
export async function idNumberHash(db: Kysely<Database>, idNumber: string): Promise<string> {
  const key = await installSecret(db, 'id_number_pepper');
  return createHmac('sha256', key).update(idNumber.trim().toUpperCase()).digest('hex');
}

/**
 * The keyed hash under which a code sent by SMS is kept, bound to what it confirms: a
 * six-digit code alone would be reversed at once, and a code for one phone, community or
 * purpose must not match another.
 */
export async function smsCodeHash(
  db: Kysely<Database>,
  target: { unitId: number; phone: string; purpose: string },
  code: string,
): Promise<string> {
  const key = await installSecret(db, 'sms_code_pepper');
  return createHmac('sha256', key).update(`${target.unitId}:${target.phone}:${target.purpose}:${code}`).digest('hex');
}
