import sharp from 'sharp';
import { undecodableHeic } from '../../../test/helpers/images';
import { sniffImageKind } from '../photo-sniff.util';

describe('sniffImageKind', () => {
  const encode = (format: 'jpeg' | 'png' | 'webp' | 'avif') =>
    sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).toFormat(format).toBuffer();

  it('recognises JPEG, PNG and WebP by their bytes', async () => {
    expect(sniffImageKind(await encode('jpeg'))).toBe('jpeg');
    expect(sniffImageKind(await encode('png'))).toBe('png');
    expect(sniffImageKind(await encode('webp'))).toBe('webp');
  });

  it('recognises HEIC and generic HEIF brands', () => {
    expect(sniffImageKind(undecodableHeic())).toBe('heif');
    const mif1 = undecodableHeic();
    mif1.write('mif1', 8, 'latin1');
    expect(sniffImageKind(mif1)).toBe('heif');
  });

  it('refuses text whatever it is called, AVIF, RIFF that is not WebP, and fragments', async () => {
    expect(sniffImageKind(Buffer.from('just some text pretending to be photo.jpg'))).toBeUndefined();
    expect(sniffImageKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffImageKind(await encode('avif'))).toBeUndefined();
    expect(sniffImageKind(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(sniffImageKind(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(sniffImageKind(Buffer.alloc(0))).toBeUndefined();
  });
});
