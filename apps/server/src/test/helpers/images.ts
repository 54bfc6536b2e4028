import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * Synthetic photos for tests, made with sharp so no binary fixtures live in the repository. A "scene"
 * has flat areas, hard edges and fine stripes, which is what the quality and hash checks look at.
 */
export async function sceneJpeg(width = 1600, height = 1200, layout: 'a' | 'b' = 'a'): Promise<Buffer> {
  const stripes = Array.from({ length: 120 }, (_, i) => {
    const x = (i * width) / 120;
    return `<rect x="${x}" y="${height * 0.8}" width="${width / 300}" height="${height * 0.2}" fill="#111"/>`;
  }).join('');
  const shapes =
    layout === 'a'
      ? `<rect x="${width * 0.1}" y="${height * 0.2}" width="${width * 0.3}" height="${height * 0.5}" fill="#334"/>
         <circle cx="${width * 0.7}" cy="${height * 0.4}" r="${height * 0.2}" fill="#c83"/>`
      : `<rect x="${width * 0.55}" y="${height * 0.05}" width="${width * 0.4}" height="${height * 0.3}" fill="#f4f4f4"/>
         <circle cx="${width * 0.25}" cy="${height * 0.6}" r="${height * 0.3}" fill="#123"/>`;
  // Daylight falls off across a real scene; a gradient sky keeps flat areas from being perfectly flat.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${layout === 'a' ? '#bdd' : '#dba'}"/><stop offset="1" stop-color="${layout === 'a' ? '#577' : '#753'}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>${shapes}${stripes}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

export function solidImage(width: number, height: number, colour: string, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .toFormat(format)
    .toBuffer();
}

/**
 * A JPEG as a phone writes it: sensor pixels stored sideways with EXIF orientation 6 (rotate 90° clockwise
 * to view), plus the camera make and the GPS position of where it was taken. The left half is red and
 * the right half blue as stored, so after auto-orientation red is on top.
 */
export async function phoneJpeg(width = 800, height = 600): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width / 2}" height="${height}" fill="#d00"/><rect x="${width / 2}" width="${width / 2}" height="${height}" fill="#00d"/></svg>`;
  return sharp(Buffer.from(svg))
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Street 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 3/1 4/1', GPSLongitudeRef: 'E', GPSLongitude: '118/1 47/1 5/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Does this EXIF block (as sharp's metadata returns it) point to a GPS IFD (tag 0x8825 in IFD0)? */
export function exifHasGps(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0);
  const little = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (offset: number) => (little ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset));
  const u32 = (offset: number) => (little ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset));
  const ifd0 = u32(4);
  const entries = u16(ifd0);
  for (let i = 0; i < entries; i++) {
    if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  }
  return false;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb in a few dozen bytes: a valid PNG header declaring `width`×`height` pixels, with
 * image data that never arrives. Only a decoder that trusts the header would allocate for it.
 */
export function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Bytes that start like an ISO-BMFF HEIC file (`ftypheic`) but that no decoder can read. */
export function undecodableHeic(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(64)]);
}

/** [r, g, b] of the pixel at (x, y) of an encoded image. */
export async function rgbAt(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i], data[i + 1], data[i + 2]];
}
