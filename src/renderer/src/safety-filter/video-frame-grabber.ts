/**
 * Takes frames from the stranger's stream for the classifier: the whole
 * picture, downscaled by the browser to the model's input size before it
 * crosses to the worker. Reads its own muted, detached <video> so the
 * visible one is never touched. It also watches for a new scene between
 * grabs, on a thumbnail, so the filter can classify it at once.
 */
import { SCENE_THUMBNAIL_HEIGHT, SCENE_THUMBNAIL_WIDTH, isSceneChange, lumaOf } from './scene-change';
import { deferTeardown } from '../call/deferred-teardown';

/** How often the thumbnail is compared: half the frame rate of a call is plenty to start a classification early. */
const SCENE_CHECK_INTERVAL_MS = 66;

export interface VideoFrameGrabber {
  /** The current frame at `size`×`size`, or null while the video has none. */
  grab(): Promise<ImageBitmap | null>;
  /** Calls `onChange` once when the picture has become a new scene since the last grab; returns the unsubscribe. */
  watchSceneChanges(onChange: () => void): () => void;
  dispose(): void;
}

export function createVideoFrameGrabber(stream: MediaStream, size: number): VideoFrameGrabber {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  video.play().catch(() => {
    // Muted playback is allowed without a gesture; if it still fails, grab() returns null
    // and the filter keeps the video blurred as "behind".
  });
  const hasFrame = (): boolean => video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0;

  const thumbnail = new OffscreenCanvas(SCENE_THUMBNAIL_WIDTH, SCENE_THUMBNAIL_HEIGHT);
  const thumbnailContext = thumbnail.getContext('2d', { willReadFrequently: true });
  const readLuma = (): Uint8Array | null => {
    if (!thumbnailContext) return null;
    thumbnailContext.drawImage(video, 0, 0, SCENE_THUMBNAIL_WIDTH, SCENE_THUMBNAIL_HEIGHT);
    return lumaOf(thumbnailContext.getImageData(0, 0, SCENE_THUMBNAIL_WIDTH, SCENE_THUMBNAIL_HEIGHT).data);
  };
  let watching = false;
  /** The picture of the last grab; a scene change is measured against it. */
  let reference: Uint8Array | null = null;
  let announced = false;

  return {
    grab: async () => {
      if (!hasFrame()) return null;
      if (watching) {
        reference = readLuma();
        announced = false;
      }
      return createImageBitmap(video, { resizeWidth: size, resizeHeight: size, resizeQuality: 'low' });
    },
    watchSceneChanges: (onChange) => {
      watching = true;
      const timer = setInterval(() => {
        if (announced || reference === null || !hasFrame()) return;
        const current = readLuma();
        if (current && isSceneChange(reference, current)) {
          announced = true;
          onChange();
        }
      }, SCENE_CHECK_INTERVAL_MS);
      return () => {
        watching = false;
        clearInterval(timer);
      };
    },
    dispose: () => {
      // Pausing and letting go of the stream block the page ~5 ms: not while the next call is set up.
      deferTeardown(() => {
        video.pause();
        video.srcObject = null;
      });
    },
  };
}
