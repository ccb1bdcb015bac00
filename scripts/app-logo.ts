/**
 * Draws the Cam-Party logo at any size: a rounded square in a coral to
 * violet gradient with a white video camera. Shapes are signed distance
 * fields, so every size is drawn from the geometry (crisp at 16 px and at
 * 1024 px) and the same size always gives the same pixels.
 */

const CORAL = [255, 94, 98] as const;
const VIOLET = [112, 72, 232] as const;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Distance from (x, y) to a rounded box centred at (cx, cy); negative inside. */
function roundedBox(x: number, y: number, cx: number, cy: number, halfWidth: number, halfHeight: number, radius: number): number {
  const qx = Math.abs(x - cx) - halfWidth + radius;
  const qy = Math.abs(y - cy) - halfHeight + radius;
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  const outside = Math.sqrt(ox * ox + oy * oy);
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** The camera's lens: a trapezoid widening to the right (intersection of half-planes). */
function lens(x: number, y: number): number {
  const left = 0.6 - x;
  const right = x - 0.775;
  // Top and bottom edges go from half-height 0.055 at x=0.6 to 0.135 at x=0.775.
  const slope = (0.135 - 0.055) / (0.775 - 0.6);
  const norm = Math.sqrt(1 + slope * slope);
  const edge = (Math.abs(y - 0.5) - (0.055 + slope * (x - 0.6))) / norm;
  return Math.max(left, right, edge);
}

/** RGBA pixels of the logo, `size` × `size`, premultiplied-free and with a transparent margin. */
export function drawLogo(size: number): Uint8Array {
  if (!Number.isInteger(size) || size < 8 || size > 4096) throw new Error(`Icon size must be a whole number from 8 to 4096, got ${size}.`);
  const rgba = new Uint8Array(size * size * 4);
  const pixel = 1 / size;
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const x = (column + 0.5) / size;
      const y = (row + 0.5) / size;
      // Coverage from the distance at this pixel: a one-pixel soft edge is the anti-aliasing.
      const tile = clamp(0.5 - roundedBox(x, y, 0.5, 0.5, 0.41, 0.41, 0.18) / pixel, 0, 1);
      const camera = Math.min(roundedBox(x, y, 0.42, 0.5, 0.2, 0.16, 0.055), lens(x, y));
      const glyph = clamp(0.5 - camera / pixel, 0, 1);
      const t = clamp((x + y - 0.18) / 1.64, 0, 1);
      const offset = (row * size + column) * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        const background = CORAL[channel]! + (VIOLET[channel]! - CORAL[channel]!) * t;
        rgba[offset + channel] = Math.round(background + (255 - background) * glyph);
      }
      rgba[offset + 3] = Math.round(255 * tile);
    }
  }
  return rgba;
}
