/**
 * The virtual backgrounds Cam-Party ships, drawn by code (so their licence
 * is the project's): calm, low-contrast scenes that do not compete with the
 * person in front of them. Each scene is a colour function of normalised
 * coordinates (x, y in 0..1, y down) returning linear 0..1 RGB.
 */
export type Rgb = [number, number, number];

export interface BackgroundScene {
  id: string;
  label: string;
  colour(x: number, y: number): Rgb;
}

const clamp = (value: number): number => Math.min(1, Math.max(0, value));
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const hex = (value: string): Rgb => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16) / 255) as Rgb;
const smooth = (edge0: number, edge1: number, value: number): number => {
  const t = clamp((value - edge0) / (edge1 - edge0));
  return t * t * (3 - 2 * t);
};

/** A vertical gradient through colour stops at the given heights. */
function gradient(stops: Array<[number, string]>, y: number): Rgb {
  for (let i = 1; i < stops.length; i += 1) {
    const [at, colour] = stops[i]!;
    const [previousAt, previousColour] = stops[i - 1]!;
    if (y <= at) return mix(hex(previousColour), hex(colour), smooth(0, 1, (y - previousAt) / (at - previousAt)));
  }
  return hex(stops[stops.length - 1]![1]);
}

/** A soft ridge line: height at x made of a few slow sine waves. */
function ridge(x: number, base: number, amplitude: number, seed: number): number {
  return (
    base + amplitude * (0.55 * Math.sin(x * 5.1 + seed) + 0.3 * Math.sin(x * 11.7 + seed * 2.3) + 0.15 * Math.sin(x * 23.9 + seed * 4.1))
  );
}

export const BACKGROUND_SCENES: BackgroundScene[] = [
  {
    id: 'dusk',
    label: 'Dusk hills',
    colour(x, y) {
      let colour = gradient(
        [
          [0, '#2b2d5c'],
          [0.45, '#8a5a8c'],
          [0.72, '#f0a27a'],
          [1, '#f7d0a6'],
        ],
        y,
      );
      const glow = Math.exp(-((x - 0.68) ** 2 / 0.02 + (y - 0.7) ** 2 / 0.01));
      colour = mix(colour, hex('#ffe3b8'), 0.6 * glow);
      const far = ridge(x, 0.72, 0.035, 1.2);
      const near = ridge(x, 0.82, 0.05, 3.7);
      if (y > far) colour = mix(colour, hex('#6b4a73'), 0.85 * smooth(far, far + 0.004, y));
      if (y > near) colour = mix(colour, hex('#3a2a4d'), smooth(near, near + 0.004, y));
      return colour;
    },
  },
  {
    id: 'studio',
    label: 'Studio grey',
    colour(x, y) {
      const light = Math.exp(-((x - 0.45) ** 2 / 0.12 + (y - 0.35) ** 2 / 0.18));
      const base = mix(hex('#2f3640'), hex('#7d8794'), light);
      const floor = smooth(0.8, 0.84, y);
      return mix(base, mix(hex('#3b424c'), hex('#2a3038'), y), 0.35 * floor);
    },
  },
  {
    id: 'misty-forest',
    label: 'Misty forest',
    colour(x, y) {
      let colour = gradient(
        [
          [0, '#c9d8d2'],
          [0.55, '#e3ebe4'],
          [1, '#9fb7a8'],
        ],
        y,
      );
      const layers: Array<[number, number, number, string, number]> = [
        [0.5, 0.05, 0.4, '#8fa99b', 0.7],
        [0.62, 0.06, 2.1, '#6f8f7e', 0.8],
        [0.76, 0.07, 4.4, '#4b6b5a', 0.9],
        [0.9, 0.05, 6.0, '#2f4a3c', 1],
      ];
      for (const [base, amplitude, seed, tone, strength] of layers) {
        // Tree tops: a ridge with a fine saw tooth on it.
        const tooth = 0.012 * Math.abs(((x * 60 + seed * 7) % 2) - 1);
        const edge = ridge(x, base, amplitude, seed) + tooth;
        if (y > edge) colour = mix(colour, hex(tone), strength * smooth(edge, edge + 0.006, y));
      }
      return colour;
    },
  },
  {
    id: 'calm-sea',
    label: 'Calm sea',
    colour(x, y) {
      const horizon = 0.58;
      if (y < horizon) {
        const sky = gradient(
          [
            [0, '#5f8fc0'],
            [horizon, '#cfe1ee'],
          ],
          y,
        );
        const sun = Math.exp(-((x - 0.3) ** 2 / 0.004 + (y - 0.42) ** 2 / 0.004));
        return mix(sky, hex('#fff6df'), 0.8 * sun);
      }
      const depth = (y - horizon) / (1 - horizon);
      const sea = mix(hex('#6f9bb8'), hex('#2c5a78'), depth);
      const shimmer = 0.06 * Math.exp(-((x - 0.3) ** 2) / 0.01) * (0.5 + 0.5 * Math.sin(y * 300 + x * 20));
      return mix(sea, hex('#fff6df'), shimmer * (1 - depth));
    },
  },
];

// 4x4 Bayer matrix: ordered dithering hides 8-bit banding in the gradients.
const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

export function renderScene(scene: BackgroundScene, width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let py = 0; py < height; py += 1) {
    for (let px = 0; px < width; px += 1) {
      const colour = scene.colour((px + 0.5) / width, (py + 0.5) / height);
      const dither = (BAYER[(py % 4) * 4 + (px % 4)]! + 0.5) / 16 - 0.5;
      const offset = (py * width + px) * 3;
      for (let c = 0; c < 3; c += 1) rgb[offset + c] = Math.round(clamp(colour[c]!) * 255 + dither);
    }
  }
  return rgb;
}
