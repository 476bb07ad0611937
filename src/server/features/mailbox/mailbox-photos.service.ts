import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DomainError } from '../../../domain/errors.ts';
import { MAX_PHOTO_BYTES } from '../../../contract/mailbox.ts';

/** A photo as stored: a fresh JPEG with no metadata (no EXIF, GPS, XMP or ICC), at most 2048 px a side. */
export interface StoredPhoto {
  mime: 'image/jpeg';
  width: number;
  height: number;
  size: number;
  sha256: string;
  content: Buffer;
}

const MAX_SIDE = 2048;
// A decompression bomb stops here: a 12-megapixel phone photo is 12 million.
const MAX_INPUT_PIXELS = 50_000_000;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif', 'avif']);
const DATA_URL = /^data:image\/[a-z0-9.+-]+;base64,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a photo sent as base64, with or without a `data:image/…;base64,` prefix. */
export function decodePhoto(data: string): Buffer {
  const body = data.replace(DATA_URL, '').replace(/\s+/g, '');
  if (body.length === 0 || body.length % 4 !== 0 || !BASE64.test(body)) throw new DomainError('PHOTO_INVALID');
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) throw new DomainError('PHOTO_TOO_LARGE', { maxMb: MAX_PHOTO_BYTES / 1_048_576 });
  return bytes;
}

/**
 * Re-encodes a resident's photo: decodes it (JPEG, PNG, WebP, HEIF/AVIF; anything else is
 * refused), turns it upright by its EXIF orientation, shrinks it to 2048 px a side and writes
 * a new JPEG. sharp keeps no metadata unless asked, so where and with what it was taken (EXIF,
 * GPS, XMP) never reaches the database.
 */
export async function reencodePhoto(input: Buffer): Promise<StoredPhoto> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };
  let format: string | undefined;
  try {
    format = (await sharp(input, options).metadata()).format;
  } catch {
    throw new DomainError('PHOTO_INVALID');
  }
  if (!format || !ACCEPTED.has(format)) throw new DomainError('PHOTO_INVALID');
  try {
    const { data, info } = await sharp(input, options)
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return {
      mime: 'image/jpeg',
      width: info.width,
      height: info.height,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      content: data,
    };
  } catch {
    throw new DomainError('PHOTO_INVALID');
  }
}

/** Decodes and re-encodes every photo of a letter, one after another (each takes a libvips worker). */
export async function preparePhotos(photos: readonly string[]): Promise<StoredPhoto[]> {
  const decoded = photos.map(decodePhoto);
  const stored: StoredPhoto[] = [];
  for (const bytes of decoded) stored.push(await reencodePhoto(bytes));
  return stored;
}
