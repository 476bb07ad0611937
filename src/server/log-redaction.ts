import type { FastifyRequest } from 'fastify';

// Request logs name what was asked, not who it was about: a search by phone or ID number, a
// resident's tracking code or a name typed into a filter must not land in the log verbatim.

/** Query parameters that carry personal data or a resident's secret, whatever their value. */
const personalParams = new Set([
  'q',
  'phone',
  'name',
  'idnumber',
  'id_number',
  'residentname',
  'residentphone',
  'recipientname',
  'writername',
  'writerphone',
  'contact',
  'code',
  'token',
]);

/** Path segments after these hold a resident's tracking or rating code. */
const codePaths = /^(\/api\/public\/(?:requests|letters|ratings)\/)([^/?#]+)/;

/** A mainland mobile number or a resident ID number, wherever it appears. */
const identifiers = /(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?!\d)/g;

const REDACTED = '[redacted]';

/** The URL with personal query values, codes and anything shaped like a phone or ID number replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const rawPath = at < 0 ? url : url.slice(0, at);
  const path = rawPath.replace(codePaths, `$1${REDACTED}`).replace(identifiers, REDACTED);
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair.replace(identifiers, REDACTED);
      const key = pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // A key that is not valid percent-encoding is logged as it came, its value redacted below.
      }
      if (personalParams.has(name.toLowerCase())) return `${key}=${REDACTED}`;
      return `${key}=${pair.slice(eq + 1).replace(identifiers, REDACTED)}`;
    })
    .join('&');
  return `${path}?${query}`;
}

/** Fastify's request serializer for the log, with the URL redacted. */
export function serializeRequestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    remoteAddress: request.ip,
  };
}
