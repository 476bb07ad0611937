import type { Locale } from '../../lib/i18n/index.ts';
import { failure, networkError, urlOf } from '../../lib/download.ts';

export { downloadFile } from '../../lib/download.ts';

// The registry's upload: the JSON client cannot send a raw body.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as the raw request body (the import route reads the bytes, not a form). */
export async function uploadWorkbook(
  path: string,
  file: File,
  csrfToken: string,
  locale: Locale,
): Promise<{ id: number }> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, { filename: file.name }), {
      method: 'POST',
      headers: {
        'content-type': XLSX,
        accept: 'application/json',
        'accept-language': locale,
        'x-csrf-token': csrfToken,
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw networkError(locale);
  }
  if (!response.ok) throw await failure(response, locale);
  return (await response.json()) as { id: number };
}
