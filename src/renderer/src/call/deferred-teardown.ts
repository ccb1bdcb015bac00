/**
 * Tearing down what belonged to the last stranger blocks the page: closing
 * an RTCPeerConnection takes tens of milliseconds, and letting a playing
 * <video> go of its stream about 5 ms each. Done at once, on Skip, that
 * work sits between the key press and the server's answer. So it waits
 * (already silent) until the next partner is on screen, or MAX_DELAY_MS at
 * the latest, and never lands while the next call is being set up, even
 * for someone who skips every second.
 */
const MAX_DELAY_MS = 1500;
/** After the new partner's first frame, let the other side's first frame through too. */
const AFTER_FIRST_FRAME_MS = 150;

const pending = new Set<() => void>();

export function deferTeardown(release: () => void): void {
  const releaseOnce = (): void => {
    if (pending.delete(releaseOnce)) release();
  };
  pending.add(releaseOnce);
  setTimeout(releaseOnce, MAX_DELAY_MS);
}

/** The new partner's first frame is on screen: what belonged to the ones before can go. */
export function runDeferredTeardownsSoon(): void {
  const due = [...pending];
  if (due.length > 0) setTimeout(() => due.forEach((releaseOnce) => releaseOnce()), AFTER_FIRST_FRAME_MS);
}
