/**
 * The committed icons are what scripts/generate-icons.ts draws, at every
 * size each system asks for, in files each system can read. Pixels are
 * compared after decoding, so a different zlib cannot fail the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawLogo } from '../../scripts/app-logo';
import { LINUX_SIZES, WINDOWS_SIZES } from '../../scripts/generate-icons';
import { decodePng, encodePng, ICNS_TYPES } from '../../scripts/icon-formats';

const resources = path.resolve(import.meta.dirname, '../../resources');
const read = (name: string) => fs.readFileSync(path.join(resources, name));

function expectLogo(png: Buffer, size: number): void {
  const decoded = decodePng(png);
  expect([decoded.width, decoded.height]).toEqual([size, size]);
  expect(Buffer.from(decoded.rgba).equals(Buffer.from(drawLogo(size))), `${size}px pixels match the drawing`).toBe(true);
}

describe('icons', () => {
  it.each(LINUX_SIZES)('Linux %ipx PNG is the logo', (size) => {
    expectLogo(read(`icons/${size}x${size}.png`), size);
  });

  it('icon.png is the 1024 px logo', () => {
    expectLogo(read('icon.png'), 1024);
  });

  it('icon.icns holds a PNG of the right size for every element type, and its lengths add up', () => {
    const icns = read('icon.icns');
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: string[] = [];
    for (let offset = 8; offset < icns.length;) {
      const type = icns.toString('latin1', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      const expected = ICNS_TYPES.find((entry) => entry.type === type);
      expect(expected, type).toBeDefined();
      expectLogo(icns.subarray(offset + 8, offset + length), expected!.pixels);
      found.push(type);
      offset += length;
    }
    expect(found).toEqual(ICNS_TYPES.map((entry) => entry.type));
  });

  it('icon.ico holds the Windows sizes up to 256 px as PNGs', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, WINDOWS_SIZES.length]);
    WINDOWS_SIZES.forEach((size, index) => {
      const entry = 6 + index * 16;
      expect(ico[entry] === 0 ? 256 : ico[entry]).toBe(size);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expectLogo(ico.subarray(offset, offset + length), size);
    });
  });

  it('the PNG writer round-trips and refuses a wrong pixel count', () => {
    const pixels = drawLogo(16);
    expect(Buffer.from(decodePng(encodePng(16, 16, pixels)).rgba).equals(Buffer.from(pixels))).toBe(true);
    expect(() => encodePng(16, 16, pixels.subarray(4))).toThrow(/Expected 1024 RGBA bytes/);
    const corrupt = encodePng(16, 16, pixels);
    corrupt[20] = corrupt[20]! ^ 0xff;
    expect(() => decodePng(corrupt)).toThrow(/bad CRC/);
  });

  it('refuses an icon size outside 8 to 4096', () => {
    expect(() => drawLogo(4)).toThrow(/from 8 to 4096/);
  });
});
