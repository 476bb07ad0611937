// How a download is named: one header builder for every file the API sends (RFC 6266, RFC 5987).

// RFC 5987's attr-char leaves out ' ( ) * which encodeURIComponent keeps.
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition for a file: the name people read (`服务记录-西城街道-2026-12-03.xlsx`) in
 * RFC 5987's `filename*`, and an ASCII `filename` for clients that know no other.
 */
export function contentDisposition(
  name: string,
  fallback: string,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

/** Characters no file system takes in a name, replaced so a unit's or studio's name is always safe. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
}
