/// <reference types="vite/client" />
/**
 * The backgrounds the app ships (drawn by scripts/generate-backgrounds.ts,
 * our own licence), as URLs the bundler gives them in the build.
 */
import calmSea from '../../../../resources/backgrounds/calm-sea.png';
import calmSeaThumb from '../../../../resources/backgrounds/calm-sea-thumb.png';
import dusk from '../../../../resources/backgrounds/dusk.png';
import duskThumb from '../../../../resources/backgrounds/dusk-thumb.png';
import mistyForest from '../../../../resources/backgrounds/misty-forest.png';
import mistyForestThumb from '../../../../resources/backgrounds/misty-forest-thumb.png';
import studio from '../../../../resources/backgrounds/studio.png';
import studioThumb from '../../../../resources/backgrounds/studio-thumb.png';

export interface ShippedBackground {
  id: string;
  label: string;
  url: string;
  thumbnailUrl: string;
}

export const SHIPPED_BACKGROUNDS: readonly ShippedBackground[] = [
  { id: 'dusk', label: 'Dusk hills', url: dusk, thumbnailUrl: duskThumb },
  { id: 'studio', label: 'Studio grey', url: studio, thumbnailUrl: studioThumb },
  { id: 'misty-forest', label: 'Misty forest', url: mistyForest, thumbnailUrl: mistyForestThumb },
  { id: 'calm-sea', label: 'Calm sea', url: calmSea, thumbnailUrl: calmSeaThumb },
];

export function findBackground(id: string): ShippedBackground | undefined {
  return SHIPPED_BACKGROUNDS.find((background) => background.id === id);
}
