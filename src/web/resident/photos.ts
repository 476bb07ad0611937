// Photos taken on a phone are 3–12 MB; a letter carries at most three, as base64 in JSON over
// a mobile connection. Scaling them on the phone first (the server re-encodes them anyway, and
// strips what metadata is left) makes the upload a few hundred kilobytes.

/** The longest side a photo is scaled to before upload. */
export const PHOTO_MAX_SIDE = 1600;
/** What the server accepts before re-encoding (contract MAX_PHOTO_BYTES); a photo that cannot be scaled must fit. */
const UNSCALED_MAX_BYTES = 5 * 1_048_576;

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

async function scaled(file: File): Promise<Blob> {
  // imageOrientation: the EXIF rotation is applied here, so the JPEG we make is upright without it.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const ratio = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * ratio));
    const height = Math.max(1, Math.round(bitmap.height * ratio));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', 0.85),
    );
  } finally {
    bitmap.close();
  }
}

/**
 * A photo as a `data:image/jpeg;base64,…` URL, scaled to at most PHOTO_MAX_SIDE. A browser
 * that cannot decode the file (HEIC on some phones) sends it as it is when it is small
 * enough, for the server to decode; otherwise this throws.
 */
export async function preparePhoto(file: File): Promise<string> {
  try {
    return await readAsDataUrl(await scaled(file));
  } catch {
    if (file.type.startsWith('image/') && file.size <= UNSCALED_MAX_BYTES) return readAsDataUrl(file);
    throw new Error('photo unreadable');
  }
}
