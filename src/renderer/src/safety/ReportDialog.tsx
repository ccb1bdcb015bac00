import { useState, type FormEvent } from 'react';
import { REPORT_REASON_LABELS, reportReasonSchema, type ReportReason } from '../../../shared/moderation-api';
import { ActionButton, ActionError } from '../ActionButton';
import { callBridge } from '../bridge';
import { Dialog } from '../Dialog';
import { useBridgeAction } from '../use-bridge-action';
import type { OpenReport } from './use-reporting';
import '../buttons.css';
import '../forms.css';
import '../dialog.css';
import './safety.css';

interface ReportDialogProps {
  report: OpenReport;
  onBlock(pairId: string): void;
  onClose(): void;
}

/** Reasons whose shared label (written for moderators too) does not follow "The stranger …". */
const REASON_SENTENCES: Partial<Record<ReportReason, string>> = {
  'sexual-content': 'The stranger showed sexual or inappropriate content',
  harassment: 'The stranger harassed or threatened me',
  other: 'Something else',
};
const reasonSentence = (reason: ReportReason): string => REASON_SENTENCES[reason] ?? `The stranger ${REPORT_REASON_LABELS[reason]}`;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Shown after the report is already filed: its number, the promise, and an optional form that adds to it. */
export function ReportDialog({ report, onBlock, onClose }: ReportDialogProps) {
  const [reason, setReason] = useState<ReportReason | null>(report.suggestedReason);
  const [details, setDetails] = useState('');
  const [attachFrame, setAttachFrame] = useState(false);
  const [sent, setSent] = useState(false);
  const [missingReason, setMissingReason] = useState(false);
  const sending = useBridgeAction();
  const sendDetails = async (chosen: ReportReason): Promise<void> => {
    const frame = attachFrame && report.frame ? { frame: report.frame } : {};
    const reply = await sending.run((signal) =>
      callBridge('addReportDetails', { reportId: report.reportId, reason: chosen, details, ...frame }, { signal }),
    );
    if (reply?.ok) setSent(true);
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setMissingReason(!reason);
    if (reason) void sendDetails(reason);
  };

  return (
    <Dialog
      title={
        report.status === 'filed'
          ? `Report ${report.receipt?.reportNumber} filed`
          : report.status === 'filing'
            ? 'Filing your report…'
            : 'The report could not be sent'
      }
      closeLabel="Close the report"
      onClose={onClose}
    >
      {report.status === 'filed' && report.receipt && (
        <p role="status">
          Our moderation team has it, with the call details and the last chat messages. We respond within 24 hours (by{' '}
          {timeFormat.format(report.receipt.deadlineAt)}).
        </p>
      )}
      {report.status === 'failed' && (
        <p className="form-error" role="alert">
          {report.error?.message} Your report was not lost: try again, or write to support.
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--danger" onClick={() => onBlock(report.pairId)}>
          Block and skip
        </button>
      </div>
      {report.status === 'filed' && !sent && (
        <form
          className="account-form dialog__section"
          onSubmit={onSubmit}
          aria-busy={sending.busy || undefined}
          aria-label="Add details to the report"
        >
          <fieldset className="reasons">
            <legend>What happened? (optional)</legend>
            {reportReasonSchema.options.map((option) => (
              <label key={option} className="checkbox">
                <input type="radio" name="reason" value={option} checked={reason === option} onChange={() => setReason(option)} />
                {reasonSentence(option)}
              </label>
            ))}
          </fieldset>
          {report.frame && (
            <label className="checkbox frame-choice">
              <input type="checkbox" checked={attachFrame} onChange={(event) => setAttachFrame(event.target.checked)} />
              <span>
                Attach this still of the stranger's video, taken when you pressed Report. Only the moderation team sees it.
                <img src={report.frame} alt="Still of the stranger's video" className="frame-choice__image" />
              </span>
            </label>
          )}
          <label className="form-field">
            <span>Anything else we should know? (optional)</span>
            <textarea
              className="form-field__input"
              rows={3}
              maxLength={2000}
              value={details}
              onChange={(event) => setDetails(event.target.value)}
            />
          </label>
          <ActionError error={missingReason ? 'Choose what happened.' : sending.error} />
          <ActionButton type="submit" className="button button--primary" action={sending} busyLabel="Adding to the report…">
            Add to the report
          </ActionButton>
        </form>
      )}
      {sent && <p role="status">Thank you. The details were added to report {report.receipt?.reportNumber}.</p>}
    </Dialog>
  );
}
