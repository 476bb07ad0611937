import type { Deps } from './context.ts';
import { DomainError } from '../domain/errors.ts';
import { readCachedSetting } from './versioned-cache.ts';

/** The settings key of the public address the district admin saved. */
export const PUBLIC_URL_SETTING = 'public.baseUrl';

/** Where the public address comes from: the settings page, the environment, or nowhere yet. */
export interface PublicAddress {
  url: string | null;
  source: 'setting' | 'environment' | null;
}

const trimmed = (url: string) => url.replace(/\/+$/, '');

/**
 * The address residents reach Huimin at, for printed QR codes and SMS links: the one saved on
 * the settings page, else `HUIMIN_PUBLIC_URL`. Never the request's Host header, which a staff
 * member's browser (127.0.0.1, an intranet name) or an attacker chooses.
 */
export async function publicAddress(deps: Pick<Deps, 'db' | 'config'>): Promise<PublicAddress> {
  const saved = await readCachedSetting(deps.db, PUBLIC_URL_SETTING);
  if (saved) return { url: trimmed(saved), source: 'setting' };
  if (deps.config.HUIMIN_PUBLIC_URL) return { url: trimmed(deps.config.HUIMIN_PUBLIC_URL), source: 'environment' };
  return { url: null, source: null };
}

/** The public address for something printed or sent; 409 PUBLIC_URL_NOT_SET until one is configured. */
export async function requirePublicBaseUrl(deps: Pick<Deps, 'db' | 'config'>): Promise<string> {
  const { url } = await publicAddress(deps);
  if (!url) throw new DomainError('PUBLIC_URL_NOT_SET');
  return url;
}
