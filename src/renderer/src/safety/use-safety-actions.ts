/**
 * Report and Block as the call screen runs them: the evidence is taken the
 * moment the person asks (the call may end a millisecond later), and the
 * outcome of a block is told in the notice.
 */
import { useCallback } from 'react';
import type { Notice } from '../call/call-machine';
import type { ChatEntry } from '../chat/use-chat';
import { blobToDataUrl, captureStillFrame } from './frame-capture';
import { blockStranger, useReporting, type ReportContext, type ReportOptions } from './use-reporting';

interface SafetyActionsInput {
  pairId: string | null;
  startedAt: number | null;
  chat: ChatEntry[];
  notify(notice: Notice): void;
  /** Moves on from the current stranger (after blocking them). */
  next(): void;
}

export function useSafetyActions({ pairId, startedAt, chat, notify, next }: SafetyActionsInput) {
  const reporting = useReporting();
  const { file } = reporting;

  const reportNow = useCallback(
    (options: ReportOptions = {}) => {
      const context: ReportContext | null = pairId && startedAt ? { pairId, startedAt, chat } : null;
      if (!context) return;
      const frame = options.frame ?? captureStillFrame(document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]'));
      // file() never rejects: a failure shows in the report dialog.
      void file(context, { ...options, frame });
    },
    [pairId, startedAt, chat, file],
  );

  /** From the safety filter's notice: the flagged frame goes with it only when the person agreed. */
  const reportVideo = useCallback(
    (evidence: Blob | undefined) => {
      const frame = evidence ? blobToDataUrl(evidence).catch(() => null) : Promise.resolve(null);
      void frame.then((dataUrl) => reportNow({ frame: dataUrl, attachFrame: dataUrl !== null, reason: 'sexual-content' }));
    },
    [reportNow],
  );

  const block = useCallback(
    async (blockedPairId: string) => {
      const error = await blockStranger(blockedPairId);
      if (error) return notify({ tone: 'error', text: `Could not block: ${error.message}` });
      if (pairId === blockedPairId) next();
      notify({ tone: 'info', text: 'Blocked. You will not be paired with them again.' });
    },
    [notify, next, pairId],
  );

  return { reporting, reportNow, reportVideo, block };
}
