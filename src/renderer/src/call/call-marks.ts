/**
 * Performance marks along the call path (join, matched, signals, first
 * frame). They stay in the page: the call benchmark reads them to find
 * where the time goes.
 */
export type CallMark =
  'join' | 'next' | 'matched' | 'offer-sent' | 'answer-sent' | 'peer-connected' | 'remote-stream' | 'remote-first-frame';

export function markCall(name: CallMark, pairId?: string): void {
  performance.mark(`camparty:${name}`, { detail: { pairId } });
}
