/**
 * A real JPEG for report evidence, built byte by byte: a 1x1 grey baseline
 * image (Chromium decodes it to rgb(128,128,128)), optionally grown to a
 * given size with comment segments and fill bytes, which decoders skip. So the tests need
 * no image library and can make a frame just under or over the size limit.
 */
const segment = (marker: number, body: number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];

export function stillFrameJpeg(totalBytes = 0): Buffer {
  const head = [
    ...[0xff, 0xd8],
    ...segment(0xdb, [0x00, ...Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, 1, ...Array<number>(15).fill(0), 0]),
    ...segment(0xc4, [0x10, 1, ...Array<number>(15).fill(0), 0]),
  ];
  // One DC code "0" and one end-of-block "0", padded with ones.
  const tail = [...segment(0xda, [1, 1, 0, 0, 0x3f, 0]), 0x3f, 0xff, 0xd9];
  const comments: Buffer[] = [];
  let missing = totalBytes - head.length - tail.length;
  while (missing > 4) {
    const length = Math.min(missing - 4, 65533);
    comments.push(Buffer.from(segment(0xfe, Array<number>(length).fill(0x2e))));
    missing -= length + 4;
  }
  // The last 1 to 4 bytes: fill bytes (0xFF), which may precede any marker.
  const fill = Buffer.alloc(Math.max(0, missing), 0xff);
  return Buffer.concat([Buffer.from(head), ...comments, fill, Buffer.from(tail)]);
}

export const jpegDataUrl = (jpeg: Buffer): string => `data:image/jpeg;base64,${jpeg.toString('base64')}`;
