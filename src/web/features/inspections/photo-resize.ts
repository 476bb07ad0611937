// Shrinks a photo on the phone before it is kept and sent: a camera's 12-megapixel JPEG is
// several megabytes, too much to keep six of in IndexedDB and send on a weak signal. The server
// re-encodes whatever arrives (and strips its metadata), so this is about size, not safety.

const MAX_SIDE = 1600;
const QUALITY = 0.82;

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
}

/** The photo as a JPEG data URL at most 1600 px on its longer side (the original when it cannot be drawn). */
export async function shrinkPhoto(file: File): Promise<string> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL('image/jpeg', QUALITY);
  } catch {
    return readAsDataUrl(file);
  }
}
