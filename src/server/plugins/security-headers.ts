import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readCachedSetting } from '../versioned-cache.ts';

/** The settings key of the map's tile source (written by the siting feature). */
const MAP_SETTINGS = 'map';

/** Where a configured tile source loads its images from. */
const fixedTileOrigins: Record<string, string[]> = {
  amap: ['https://*.is.autonavi.com'],
  tianditu: ['https://*.tianditu.gov.cn'],
};

/**
 * The origin a custom tile URL template loads from, as a CSP source: `{s}` in the first label
 * becomes `*`. Anything that is not plainly a scheme, host and port is left out, so a URL typed
 * by an admin can never add a directive of its own (a `;` or a space would).
 */
export function tileUrlOrigin(template: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/.exec(template);
  if (!match) return null;
  const [, scheme, authority = ''] = match;
  const [first = '', ...rest] = authority.split('.');
  const host = [first.includes('{s}') ? '*' : first, ...rest].join('.');
  return /^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/.test(host) ? `${scheme}://${host}` : null;
}

/** The image origins of the stored tile source; none when there is no source or it cannot be read. */
export function tileOriginsOf(stored: string | undefined): string[] {
  if (!stored) return [];
  try {
    const tiles = (JSON.parse(stored) as { tiles?: { kind?: string; url?: string } }).tiles;
    if (!tiles?.kind) return [];
    if (tiles.kind === 'osm') {
      const origin = tileUrlOrigin(tiles.url ?? '');
      return origin ? [origin] : [];
    }
    return fixedTileOrigins[tiles.kind] ?? [];
  } catch {
    return [];
  }
}

/** The Content-Security-Policy of the web pages, with the tile hosts the map may load images from. */
export function pagePolicy(tileOrigins: string[]): string {
  return [
    "default-src 'self'",
    // Only the bundles Vite builds: no inline script, no eval, so injected markup cannot run.
    "script-src 'self'",
    // antd 6 writes its component styles at run time (CSS-in-JS) into <style> elements, and
    // React and Leaflet set style attributes; 'unsafe-inline' is allowed for styles only, where
    // injected text can restyle a page but cannot run code.
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', ...tileOrigins].join(' '),
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** What an API answer (JSON, a PDF, an SVG) needs: nothing, and never inside a frame. */
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The console's service worker (/sw.js): a worker runs under the policy of its own script, and
 * this one fetches the shell and the API from its origin to keep the console usable offline.
 */
export const workerPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** HSTS, sent when the request came over HTTPS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** The stored map setting the last page policy was made from, and that policy. */
let lastPage: { stored: string | undefined; policy: string } | undefined;

function pagePolicyOf(stored: string | undefined): string {
  if (lastPage && lastPage.stored === stored) return lastPage.policy;
  const policy = pagePolicy(tileOriginsOf(stored));
  lastPage = { stored, policy };
  return policy;
}

/**
 * Sets the headers every answer carries: its request id, no MIME sniffing, same-origin
 * referrers, no caching of API answers, and the security headers: a Content-Security-Policy
 * (pages get the one above, with the configured tile hosts read when the page is served;
 * everything else a deny-all one), X-Frame-Options DENY for browsers that predate
 * frame-ancestors, and HSTS when the request came over HTTPS (directly, or through a proxy
 * trusted with TRUST_PROXY).
 *
 * Synchronous for everything but a page, whose policy needs the stored tile source: then it
 * returns the promise of that read (which never rejects). Called from the app's one onSend hook.
 */
export function securityHeadersOf(
  app: FastifyInstance,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> | undefined {
  return (request, reply) => {
    const url = request.url;
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    reply.header('x-frame-options', 'DENY');
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) {
      return readCachedSetting(app.deps.db, MAP_SETTINGS).then(
        (stored) => void reply.header('content-security-policy', pagePolicyOf(stored)),
        // The database is away: the page still loads, the map shows no tiles until it is back.
        () => void reply.header('content-security-policy', pagePolicyOf(undefined)),
      );
    }
    const worker = url === '/sw.js' || url.startsWith('/sw.js?');
    reply.header('content-security-policy', worker ? workerPolicy : apiPolicy);
    return undefined;
  };
}
