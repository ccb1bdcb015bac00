/**
 * The test photos with people (tests/fixtures/images, public domain and
 * CC0) and boxes read off them, in 0..1 picture coordinates: where a
 * correct person mask must be high (the person) and low (background
 * corners). Every engine's quality test checks against the same boxes.
 */

export interface PictureBox {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface SegmentationPicture {
  file: string;
  person: PictureBox[];
  corners: PictureBox[];
}

export const SEGMENTATION_PICTURES: readonly SegmentationPicture[] = [
  {
    file: 'astronaut.png',
    person: [
      { name: 'face', left: 0.36, top: 0.12, right: 0.54, bottom: 0.32 },
      { name: 'suit', left: 0.15, top: 0.62, right: 0.45, bottom: 0.9 },
    ],
    corners: [
      { name: 'top right', left: 0.9, top: 0, right: 1, bottom: 0.1 },
      { name: 'top, right of the head', left: 0.62, top: 0.02, right: 0.72, bottom: 0.12 },
    ],
  },
  {
    file: 'camera.png',
    person: [
      { name: 'face', left: 0.36, top: 0.22, right: 0.46, bottom: 0.34 },
      { name: 'coat', left: 0.06, top: 0.5, right: 0.26, bottom: 0.8 },
    ],
    corners: [
      { name: 'top left', left: 0, top: 0, right: 0.1, bottom: 0.1 },
      { name: 'top right', left: 0.9, top: 0, right: 1, bottom: 0.1 },
      { name: 'bottom right', left: 0.88, top: 0.88, right: 1, bottom: 1 },
    ],
  },
];
