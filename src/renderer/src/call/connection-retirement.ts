/**
 * Closing an RTCPeerConnection blocks the page for tens of milliseconds. A
 * finished connection (already silent) is therefore closed once the next
 * partner is on screen, or after MAX_DELAY_MS at the latest, so the close
 * never lands while the next call is being set up, even for someone who
 * skips every second.
 */
const MAX_DELAY_MS = 1500;
/** After the new partner's first frame, let the other side's first frame through too. */
const AFTER_FIRST_FRAME_MS = 150;

const retiring = new Set<() => void>();

export function retireConnection(close: () => void): void {
  const closeOnce = (): void => {
    if (retiring.delete(closeOnce)) close();
  };
  retiring.add(closeOnce);
  setTimeout(closeOnce, MAX_DELAY_MS);
}

/** The new partner's first frame is on screen: the connections before it can go. */
export function closeRetiredConnectionsSoon(): void {
  const due = [...retiring];
  if (due.length > 0) setTimeout(() => due.forEach((closeOnce) => closeOnce()), AFTER_FIRST_FRAME_MS);
}
