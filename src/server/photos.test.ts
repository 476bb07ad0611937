import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { DomainError } from '../domain/errors.ts';
import { decodeBase64Photo, normalizePhoto, normalizePhotos } from './photos.ts';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};

/** A photo as a phone takes it: a JPEG with the camera, the time and where it was taken. */
async function phonePhoto(width = 3000, height = 2000, orientation = 1): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Huawei', Model: 'P60', Software: 'secret-firmware' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '25/1 5/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 1/1 0/1' },
    })
    .withMetadata({ orientation })
    .toBuffer();
}

describe('normalizePhoto', () => {
  it('re-encodes a phone photo as a JPEG without any metadata, scaled to the long edge', async () => {
    const original = await phonePhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const stored = await normalizePhoto(original);
    expect(stored.mime).toBe('image/jpeg');
    expect([stored.width, stored.height]).toEqual([1600, 1067]);
    const meta = await sharp(stored.content).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.content.includes(Buffer.from('Huawei'))).toBe(false);
    expect(stored.content.includes(Buffer.from('secret-firmware'))).toBe(false);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.size).toBe(stored.content.length);
  });

  it('turns a photo upright by its orientation before dropping the tag', async () => {
    const stored = await normalizePhoto(await phonePhoto(1200, 800, 6));
    expect([stored.width, stored.height]).toEqual([800, 1200]);
  });

  it('keeps small photos at their size and accepts PNG and WebP', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#00ff0080' } })
      .png()
      .toBuffer();
    expect(await normalizePhoto(png)).toMatchObject({ width: 40, height: 30, mime: 'image/jpeg' });
    const webp = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#0000ff' } })
      .webp()
      .toBuffer();
    expect((await normalizePhoto(webp)).width).toBe(20);
  });

  it('drops bytes appended after the image', async () => {
    const payload = Buffer.from('<?php system($_GET["c"]); ?>');
    const stored = await normalizePhoto(Buffer.concat([await phonePhoto(100, 100), payload]));
    expect(stored.content.includes(payload)).toBe(false);
  });

  it('refuses what is not a photo, and photos over the size limit', async () => {
    expect(await code(normalizePhoto(Buffer.from('not an image at all')))).toBe('PHOTO_INVALID');
    expect(await code(normalizePhoto(Buffer.alloc(0)))).toBe('PHOTO_INVALID');
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    expect(await code(normalizePhoto(svg))).toBe('PHOTO_INVALID');
    const truncated = (await phonePhoto(400, 400)).subarray(0, 600);
    expect(await code(normalizePhoto(truncated))).toBe('PHOTO_INVALID');
    expect(await code(normalizePhoto(await phonePhoto(), { maxBytes: 1000, maxEdge: 1600 }))).toBe('PHOTO_TOO_LARGE');
  });
});

describe('decodeBase64Photo', () => {
  it('reads plain base64 and data URLs, and refuses text that is not base64 or too long', () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    expect(decodeBase64Photo(bytes.toString('base64'))).toEqual(bytes);
    expect(decodeBase64Photo(`data:image/jpeg;base64,${bytes.toString('base64')}`)).toEqual(bytes);
    expect(() => decodeBase64Photo('<html>')).toThrow(DomainError);
    expect(() => decodeBase64Photo('A'.repeat(4000), { maxBytes: 1000, maxEdge: 10 })).toThrow(/PHOTO_TOO_LARGE/);
  });
});

describe('normalizePhotos', () => {
  it('re-encodes every photo of an upload within its limits, and refuses it all when one is not a photo', async () => {
    const photo = (await phonePhoto(3000, 2000)).toString('base64');
    const stored = await normalizePhotos([photo, `data:image/jpeg;base64,${photo}`], {
      maxBytes: 5_000_000,
      maxEdge: 2048,
    });
    expect(stored.map((p) => [p.width, p.height])).toEqual([
      [2048, 1365],
      [2048, 1365],
    ]);
    expect(await code(normalizePhotos([photo, Buffer.from('not an image').toString('base64')]))).toBe('PHOTO_INVALID');
  });
});
