/**
 * Chromium's insertable streams for camera tracks (not in TypeScript's DOM
 * library): MediaStreamTrackProcessor reads a track as VideoFrames, and
 * MediaStreamTrackGenerator is a track fed by writing VideoFrames. Both run
 * on the page in Chromium 94+ (and so in Electron); their streams are
 * transferred to the worker.
 */
declare global {
  interface MediaStreamTrackProcessorInit {
    track: MediaStreamTrack;
    maxBufferSize?: number;
  }

  class MediaStreamTrackProcessor<T = VideoFrame> {
    constructor(init: MediaStreamTrackProcessorInit);
    readonly readable: ReadableStream<T>;
  }

  interface MediaStreamTrackGeneratorInit {
    kind: 'video' | 'audio';
  }

  class MediaStreamTrackGenerator<T = VideoFrame> extends MediaStreamTrack {
    constructor(init: MediaStreamTrackGeneratorInit);
    readonly writable: WritableStream<T>;
  }

  /** Chromium's frame counters on a video track (MediaStreamTrackVideoStats). */
  interface MediaStreamTrack {
    readonly stats?: { deliveredFrames: number; discardedFrames: number; totalFrames: number };
  }
}

export {};
