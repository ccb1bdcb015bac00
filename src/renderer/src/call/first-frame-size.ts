/**
 * A call's first video frame is a keyframe, the largest frame there is, and
 * the sender's pacer spreads it over the link at the starting bandwidth
 * estimate (no faster with a higher start bitrate: the keyframe grows with
 * it). Sent at half width and height, it is about a quarter of the bytes,
 * so the stranger appears sooner; full size follows once the call is up.
 * Measured with `npm run bench:call`.
 */
const FIRST_FRAMES_SCALE_DOWN = 2;
/** After the connection opens: the first frames have gone out by then (about 40 ms here). */
export const FULL_SIZE_AFTER_CONNECT_MS = 300;

/** Starts the connection's video at reduced size; returns the function that restores full size. */
export function sendSmallFirstFrames(connection: RTCPeerConnection): () => void {
  const sender = connection.getSenders().find((candidate) => candidate.track?.kind === 'video');
  if (!sender) return () => {};
  setScaleDown(sender, FIRST_FRAMES_SCALE_DOWN);
  return () => {
    if (connection.connectionState !== 'closed') setScaleDown(sender, 1);
  };
}

function setScaleDown(sender: RTCRtpSender, factor: number): void {
  const parameters = sender.getParameters();
  const [encoding] = parameters.encodings;
  if (!encoding) return;
  encoding.scaleResolutionDownBy = factor;
  // Only the picture size is at stake: if the browser refuses, the call goes on at full size.
  sender.setParameters(parameters).catch(() => {});
}
