import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_SCENES } from '../../../scripts/backgrounds/background-scenes';
import { crc32, encodePng } from '../../../scripts/backgrounds/png-writer';

const BACKGROUNDS = path.resolve(import.meta.dirname, '../../../resources/backgrounds');

/** Reads back what encodePng wrote: size and RGB bytes (Up and None filters only). */
function decode(png: Buffer): { width: number; height: number; rgb: Uint8Array } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      rgb[y * stride + x] = filter === 2 ? (value + rgb[(y - 1) * stride + x]!) & 0xff : value;
    }
  }
  return { width, height, rgb };
}

describe('background PNGs', () => {
  it('encodes pixels that decode back exactly', () => {
    const rgb = Uint8Array.from({ length: 4 * 3 * 3 }, (_, i) => (i * 37) % 256);
    expect(decode(encodePng(4, 3, rgb))).toEqual({ width: 4, height: 3, rgb });
    expect(() => encodePng(2, 2, new Uint8Array(5))).toThrow(/expected 12/);
  });

  it('ships every scene as a 1280x720 picture and a 160x90 thumbnail, with the licence note', () => {
    for (const scene of BACKGROUND_SCENES) {
      expect(decode(fs.readFileSync(path.join(BACKGROUNDS, `${scene.id}.png`)))).toMatchObject({ width: 1280, height: 720 });
      expect(decode(fs.readFileSync(path.join(BACKGROUNDS, `${scene.id}-thumb.png`)))).toMatchObject({ width: 160, height: 90 });
    }
    expect(fs.readFileSync(path.join(BACKGROUNDS, 'LICENSE.md'), 'utf8')).toMatch(/Drawn by code/);
  });
});
