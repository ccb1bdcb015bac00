/**
 * Draws the shipped virtual backgrounds into resources/backgrounds/: a
 * 1280x720 picture and a 160x90 thumbnail per scene, plus a licence note.
 * Run with `npm run generate:backgrounds`; the output is committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BACKGROUND_SCENES, renderScene } from './backgrounds/background-scenes';
import { encodePng } from './backgrounds/png-writer';

const OUT = path.resolve(import.meta.dirname, '../resources/backgrounds');
const SIZES = [
  { suffix: '', width: 1280, height: 720 },
  { suffix: '-thumb', width: 160, height: 90 },
];

fs.mkdirSync(OUT, { recursive: true });
for (const scene of BACKGROUND_SCENES) {
  for (const size of SIZES) {
    const file = path.join(OUT, `${scene.id}${size.suffix}.png`);
    fs.writeFileSync(file, encodePng(size.width, size.height, renderScene(scene, size.width, size.height)));
    console.log(`${path.relative(process.cwd(), file)}  ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
  }
}
fs.writeFileSync(
  path.join(OUT, 'LICENSE.md'),
  [
    '# Backgrounds',
    '',
    'Drawn by code in `scripts/generate-backgrounds.ts` and `scripts/backgrounds/background-scenes.ts`,',
    'part of Cam-Party Desktop and under the same licence as the rest of the project.',
    'No third-party images are used. Regenerate with `npm run generate:backgrounds`.',
    '',
  ].join('\n'),
);
