/**
 * Takes frames from the stranger's stream for the classifier: the whole
 * picture, downscaled by the browser to the model's input size before it
 * crosses to the worker. Reads its own muted, detached <video> so the
 * visible one is never touched.
 */
export interface VideoFrameGrabber {
  /** The current frame at `size`×`size`, or null while the video has none. */
  grab(): Promise<ImageBitmap | null>;
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
  return {
    grab: async () => {
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
      return createImageBitmap(video, { resizeWidth: size, resizeHeight: size, resizeQuality: 'low' });
    },
    dispose: () => {
      video.pause();
      // Let go of the stream at once (a detached element holding it stalled the camera after Stop).
      video.srcObject = null;
    },
  };
}
