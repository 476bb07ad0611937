import { createHash } from 'node:crypto';
import type { OutputInfo } from 'sharp';
import { DomainError } from '../domain/errors.ts';

/** Limits a feature sets on the photos it accepts. */
export interface PhotoLimits {
  /** Largest upload, in bytes, before decoding. */
  maxBytes: number;
  /** Longest edge, in pixels, of the stored image; larger photos are scaled down. */
  maxEdge: number;
}

/** What phones send for inspections: up to 5 MB, stored at most 1600 px on the long edge. (Letters keep 2048.) */
export const defaultPhotoLimits: PhotoLimits = { maxBytes: 5 * 1_048_576, maxEdge: 1600 };

/** A photo as it is stored: a fresh JPEG with no metadata, and its fingerprint. */
export interface StoredPhoto {
  content: Buffer;
  mime: 'image/jpeg';
  width: number;
  height: number;
  size: number;
  sha256: string;
}

// Formats a phone or a browser produces; anything else (SVG, PDF, TIFF from scanners) is refused.
const accepted = new Set(['jpeg', 'png', 'webp', 'heif', 'avif', 'gif']);
// A decompression bomb (a tiny file claiming a huge canvas) is stopped before decoding.
const MAX_INPUT_PIXELS = 50_000_000;

/** The bytes of a photo sent as base64 or as a `data:image/...;base64,` URL. */
export function decodeBase64Photo(text: string, limits: PhotoLimits = defaultPhotoLimits): Buffer {
  const body = text.startsWith('data:') ? text.slice(text.indexOf(',') + 1) : text;
  if (!/^[A-Za-z0-9+/=\s_-]*$/.test(body)) throw new DomainError('PHOTO_INVALID');
  if (Math.floor((body.length * 3) / 4) > limits.maxBytes + 3) throw tooLarge(limits);
  return Buffer.from(body, 'base64');
}

function tooLarge(limits: PhotoLimits): DomainError {
  return new DomainError('PHOTO_TOO_LARGE', { maxMb: Math.round(limits.maxBytes / 1_048_576) });
}

/**
 * Re-encodes an uploaded photo before it is stored: decoded (which refuses anything that is
 * not an image), turned upright by its EXIF orientation, scaled down to the limit, and
 * written as a new JPEG. Nothing of the original file survives: no EXIF, GPS position,
 * camera serial or embedded thumbnail, and no bytes an attacker appended.
 */
export async function normalizePhoto(input: Buffer, limits: PhotoLimits = defaultPhotoLimits): Promise<StoredPhoto> {
  if (input.length > limits.maxBytes) throw tooLarge(limits);
  if (input.length === 0) throw new DomainError('PHOTO_INVALID');
  let result: { data: Buffer; info: OutputInfo };
  // sharp (a native library) loads on the first photo, not at every start.
  const sharp = (await import('sharp')).default;
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false });
    const meta = await image.metadata();
    if (!meta.format || !accepted.has(meta.format)) throw new DomainError('PHOTO_INVALID');
    result = await image
      .rotate()
      .resize({ width: limits.maxEdge, height: limits.maxEdge, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('PHOTO_INVALID');
  }
  const content = result.data;
  return {
    content,
    mime: 'image/jpeg',
    width: result.info.width,
    height: result.info.height,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/**
 * Decodes and re-encodes every photo of one upload (a letter's, an inspection form's): all are
 * decoded first, so a bad one refuses the upload before any work, then re-encoded one after
 * another (each takes a libvips worker).
 */
export async function normalizePhotos(
  photos: readonly string[],
  limits: PhotoLimits = defaultPhotoLimits,
): Promise<StoredPhoto[]> {
  const decoded = photos.map((p) => decodeBase64Photo(p, limits));
  const stored: StoredPhoto[] = [];
  for (const bytes of decoded) stored.push(await normalizePhoto(bytes, limits));
  return stored;
}
