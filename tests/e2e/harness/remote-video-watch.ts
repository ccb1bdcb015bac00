/**
 * A page script that watches the stranger's <video> the way a person does:
 * it counts the frames painted (requestVideoFrameCallback) and lists every
 * picture size the element took, in order, from the first one on
 * (loadedmetadata, then each resize event). Tests wait for these counts to
 * grow, never for an amount of time, so a slow machine is only slower.
 *
 * A string, so no transpiler helper (tsx adds `__name`) leaks into the page.
 */
export const REMOTE_VIDEO_WATCH_SCRIPT = `{
  const watch = { framesPainted: 0, sizes: [] };
  Object.defineProperty(window, '__remoteVideo', { value: watch });
  const counted = new WeakSet();
  const isRemote = (target) => target instanceof HTMLVideoElement && target.dataset.testid === 'remote-video';
  const countFrames = (video) => {
    if (counted.has(video)) return;
    counted.add(video);
    const onFrame = () => {
      watch.framesPainted += 1;
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  const onMediaEvent = (event) => {
    const video = event.target;
    if (!isRemote(video)) return;
    // Counting starts with the first stream, whatever its size is known to be yet.
    countFrames(video);
    if (video.videoWidth === 0) return;
    const size = video.videoWidth + 'x' + video.videoHeight;
    if (watch.sizes.at(-1) !== size) watch.sizes.push(size);
  };
  // Media events do not bubble: listen in the capture phase, before any element exists.
  for (const type of ['loadstart', 'loadedmetadata', 'resize', 'playing']) document.addEventListener(type, onMediaEvent, true);
}`;

export interface RemoteVideoWatch {
  framesPainted: number;
  /** Every size the stranger's video had, e.g. ['320x240', '640x480']. */
  sizes: string[];
}
