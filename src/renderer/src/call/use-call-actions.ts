/**
 * Every named call action (mute, skip, report, panic…) in one place, so a
 * button, a single key and a menu accelerator all do the same thing.
 */
import { useCallback } from 'react';
import type { ShortcutAction } from '../../../shared/bridge-contract';
import { useCallKeys } from '../safety/use-call-keys';
import type { CallPhase } from './call-machine';

interface CallActionsInput {
  phase: CallPhase;
  pairId: string | null;
  /** The camera is ready: Start can go. */
  canStart: boolean;
  microphoneMuted: boolean;
  cameraOff: boolean;
  setMicrophoneMuted(muted: boolean): void;
  setCameraOff(off: boolean): void;
  start(): void;
  next(): void;
  stop(): void;
  reportNow(): void;
  block(pairId: string): Promise<void>;
  toggleShortcuts(): void;
}

export function useCallActions(keys: Record<ShortcutAction, string[]>, input: CallActionsInput): (action: ShortcutAction) => void {
  const { phase, pairId, canStart, microphoneMuted, cameraOff, setMicrophoneMuted, setCameraOff } = input;
  const { start, next, stop, reportNow, block, toggleShortcuts } = input;
  const runAction = useCallback(
    (action: ShortcutAction): void => {
      switch (action) {
        case 'call.toggle-microphone':
          return setMicrophoneMuted(!microphoneMuted);
        case 'call.toggle-camera':
          return setCameraOff(!cameraOff);
        case 'call.start':
          return phase === 'lobby' && canStart ? start() : undefined;
        case 'call.skip':
          return phase === 'connecting' || phase === 'in-call' ? next() : undefined;
        case 'call.stop':
          return phase !== 'lobby' ? stop() : undefined;
        case 'safety.panic':
          // At once: nothing more of you goes out, the call is over, and the report is on its way.
          setMicrophoneMuted(true);
          setCameraOff(true);
          reportNow();
          return phase !== 'lobby' ? stop() : undefined;
        case 'safety.report':
          return reportNow();
        case 'safety.block':
          // block() never rejects: its outcome is told in the notice.
          return pairId ? void block(pairId) : undefined;
        case 'help.show-shortcuts':
          return toggleShortcuts();
      }
    },
    [
      microphoneMuted,
      cameraOff,
      setMicrophoneMuted,
      setCameraOff,
      phase,
      canStart,
      start,
      next,
      stop,
      reportNow,
      block,
      pairId,
      toggleShortcuts,
    ],
  );
  useCallKeys(keys, runAction);
  return runAction;
}
