/** What the live region says as the call changes: one sentence per change, none for what a notice already says. */
import { useEffect, useRef } from 'react';
import type { CallPhase } from './call-machine';

interface AnnouncedState {
  phase: CallPhase;
  pairId: string | null;
  microphoneMuted: boolean;
  cameraOff: boolean;
  partnerMicrophone: boolean;
  /** The number of the report just filed, once it is filed. */
  filedReport: string | null;
}

function describe(previous: AnnouncedState, next: AnnouncedState): string[] {
  const said: string[] = [];
  if (next.phase !== previous.phase) {
    if (next.phase === 'in-call') said.push('You are in a call with a stranger.');
    else if (next.phase === 'searching' && previous.phase === 'lobby') said.push('Looking for a stranger.');
    else if (next.phase === 'lobby') said.push(previous.phase === 'searching' ? 'You are back in the lobby.' : 'The call ended.');
  }
  if (next.microphoneMuted !== previous.microphoneMuted) said.push(next.microphoneMuted ? 'Microphone muted.' : 'Microphone on.');
  if (next.cameraOff !== previous.cameraOff) said.push(next.cameraOff ? 'Camera off.' : 'Camera on.');
  const samePartner = next.phase === 'in-call' && previous.phase === 'in-call' && next.pairId === previous.pairId;
  if (samePartner && next.partnerMicrophone !== previous.partnerMicrophone) {
    said.push(next.partnerMicrophone ? 'The stranger turned their microphone on.' : 'The stranger muted their microphone.');
  }
  if (next.filedReport && next.filedReport !== previous.filedReport) said.push(`Report ${next.filedReport} filed.`);
  return said;
}

export function useCallAnnouncements(state: AnnouncedState, announce: (text: string) => void): void {
  const previous = useRef(state);
  // After every render: cheap, and compares with what was last announced, not with the last render.
  useEffect(() => {
    const said = describe(previous.current, state);
    previous.current = state;
    if (said.length > 0) announce(said.join(' '));
  });
}
