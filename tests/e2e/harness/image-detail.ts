/**
 * Fine detail in part of a picture, measured as the variance of the
 * Laplacian of its luma: a sharp region scores high, a blurred one low.
 */

export interface RgbaPicture {
  width: number;
  height: number;
  rgba: Uint8Array;
}

export function decodeLabFrame(frame: { width: number; height: number; rgbaBase64: string }): RgbaPicture {
  const rgba = new Uint8Array(Buffer.from(frame.rgbaBase64, 'base64'));
  if (rgba.length !== frame.width * frame.height * 4) throw new Error('frame bytes do not match its size');
  return { width: frame.width, height: frame.height, rgba };
}

function luma(picture: RgbaPicture, x: number, y: number): number {
  const i = (y * picture.width + x) * 4;
  return 0.299 * picture.rgba[i]! + 0.587 * picture.rgba[i + 1]! + 0.114 * picture.rgba[i + 2]!;
}

/** Variance of the 4-neighbour Laplacian over the pixels `include` accepts (borders excluded). */
export function laplacianVariance(picture: RgbaPicture, include: (x: number, y: number) => boolean): number {
  let count = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let y = 1; y < picture.height - 1; y += 1) {
    for (let x = 1; x < picture.width - 1; x += 1) {
      if (!include(x, y)) continue;
      const value =
        luma(picture, x - 1, y) + luma(picture, x + 1, y) + luma(picture, x, y - 1) + luma(picture, x, y + 1) - 4 * luma(picture, x, y);
      count += 1;
      sum += value;
      sumOfSquares += value * value;
    }
  }
  if (count === 0) throw new Error('laplacianVariance: the region is empty');
  const mean = sum / count;
  return sumOfSquares / count - mean * mean;
}

/** Mean of a mask (values 0..1, width x height) over a box given in 0..1 coordinates. */
export function maskMean(
  mask: { width: number; height: number; values: number[] },
  box: { left: number; top: number; right: number; bottom: number },
): number {
  let sum = 0;
  let count = 0;
  for (let y = Math.floor(box.top * mask.height); y < Math.ceil(box.bottom * mask.height); y += 1) {
    for (let x = Math.floor(box.left * mask.width); x < Math.ceil(box.right * mask.width); x += 1) {
      sum += mask.values[y * mask.width + x]!;
      count += 1;
    }
  }
  if (count === 0) throw new Error('maskMean: the box is empty');
  return sum / count;
}

/** True when every pixel within `radius` mask cells has a value passing `test` (an eroded region). */
export function maskRegion(
  mask: { width: number; height: number; values: number[] },
  picture: { width: number; height: number },
  test: (value: number) => boolean,
  radius: number,
): (x: number, y: number) => boolean {
  const inside = new Uint8Array(mask.width * mask.height);
  for (let y = 0; y < mask.height; y += 1) {
    for (let x = 0; x < mask.width; x += 1) {
      let all = true;
      for (let dy = -radius; dy <= radius && all; dy += 1) {
        for (let dx = -radius; dx <= radius && all; dx += 1) {
          const yy = Math.min(mask.height - 1, Math.max(0, y + dy));
          const xx = Math.min(mask.width - 1, Math.max(0, x + dx));
          all = test(mask.values[yy * mask.width + xx]!);
        }
      }
      inside[y * mask.width + x] = all ? 1 : 0;
    }
  }
  return (x, y) => {
    const mx = Math.min(mask.width - 1, Math.floor((x / picture.width) * mask.width));
    const my = Math.min(mask.height - 1, Math.floor((y / picture.height) * mask.height));
    return inside[my * mask.width + mx] === 1;
  };
}
