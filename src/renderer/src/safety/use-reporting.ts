/**
 * Report and Block for the current stranger. A report is filed the moment
 * the person asks, with the evidence taken at that moment (call ids and
 * start, the last chat messages); the form that follows only adds to it.
 * Filing goes through main, so it completes even if the call ends now.
 */
import { useCallback, useState } from 'react';
import type { BridgeError } from '../../../shared/bridge-contract';
import type { ReportReason, ReportReceipt } from '../../../shared/moderation-api';
import { callBridge } from '../bridge';
import type { ChatEntry } from '../chat/use-chat';

export interface ReportContext {
  pairId: string;
  startedAt: number;
  chat: ChatEntry[];
}

export interface OpenReport {
  reportId: string;
  status: 'filing' | 'filed' | 'failed';
  receipt: ReportReceipt | null;
  error: BridgeError | null;
  /** A still of the stranger's video from the moment of the report; sent only if the person agrees. */
  frame: string | null;
  /** Set when the report came from something specific (a flagged message, the video filter). */
  suggestedReason: ReportReason | null;
  /** The stranger can still be blocked: the pair of the report. */
  pairId: string;
}

export interface ReportOptions {
  /** A still of the stranger's video, kept for the person to attach. */
  frame?: string | null;
  /** Send the still with the report at once (the person already agreed). */
  attachFrame?: boolean;
  reason?: ReportReason;
}

const MAX_EXCERPT = 20;

export function useReporting() {
  const [report, setReport] = useState<OpenReport | null>(null);

  const file = useCallback(async (context: ReportContext, options: ReportOptions = {}): Promise<void> => {
    const reportId = crypto.randomUUID();
    const frame = options.frame ?? null;
    setReport({
      reportId,
      status: 'filing',
      receipt: null,
      error: null,
      frame,
      suggestedReason: options.reason ?? null,
      pairId: context.pairId,
    });
    const result = await callBridge('fileReport', {
      reportId,
      pairId: context.pairId,
      callStartedAt: context.startedAt,
      chatExcerpt: context.chat.slice(-MAX_EXCERPT).map(({ from, text, at }) => ({ from, text, at })),
      ...(options.attachFrame && frame ? { frame } : {}),
    });
    setReport((current) =>
      current?.reportId !== reportId
        ? current
        : result.ok
          ? { ...current, status: 'filed', receipt: result.value, reportId: result.value.reportId }
          : { ...current, status: 'failed', error: result.error },
    );
  }, []);

  const close = useCallback(() => setReport(null), []);
  return { report, file, close };
}

/** Resolves to why the block failed, or null once it is in place; never rejects. */
export async function blockStranger(pairId: string): Promise<BridgeError | null> {
  const result = await callBridge('blockPartner', { pairId });
  return result.ok ? null : result.error;
}
