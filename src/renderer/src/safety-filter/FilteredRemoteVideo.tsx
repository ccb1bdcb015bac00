import { useId } from 'react';
import { VideoView } from '../call/VideoView';
import type { BlurReason } from './filter-decision';
import { useIncomingVideoFilter, type IncomingVideoFilterHookOptions } from './use-incoming-video-filter';
import '../buttons.css';
import './filtered-remote-video.css';

interface FilteredRemoteVideoProps {
  /** Null between calls: the element stays, since removing a playing <video> blocks the page. */
  stream: MediaStream | null;
  /** The person's "filter incoming video" setting; on by default. */
  filterEnabled: boolean;
  label: string;
  /** Class of the <video> itself. */
  className?: string;
  onFirstFrame?: () => void;
  /** False while the call is still connecting and the stage shows its own status instead. */
  showNotice?: boolean;
  /** `evidence` is the flagged frame, only when the person ticked the box to attach it. */
  onReport(evidence: Blob | undefined): void;
  onSkip(): void;
  filterOptions?: IncomingVideoFilterHookOptions;
}

const MESSAGES: Record<BlurReason, string> = {
  checking: 'Checking the video before showing it…',
  explicit: 'This video is blurred because it may show sexual content.',
  unavailable: "The safety filter couldn't start, so this video stays blurred.",
  behind: "The safety filter can't keep up on this device, so this video stays blurred.",
};

/**
 * The stranger's video behind the safety filter: blurred with a CSS filter
 * while the filter says so, with a notice that lets the person decide.
 */
export function FilteredRemoteVideo(props: FilteredRemoteVideoProps) {
  const filter = useIncomingVideoFilter(props.stream, props.filterEnabled, props.filterOptions);
  const messageId = useId();
  const evidenceId = useId();
  const { reason } = filter;

  return (
    <div
      className={`filtered-remote-video${filter.blurred ? ' filtered-remote-video--blurred' : ''}`}
      data-testid="filtered-remote-video"
      data-filter-reason={reason ?? 'none'}
    >
      <VideoView
        stream={props.stream}
        label={filter.blurred ? `${props.label}, blurred by the safety filter` : props.label}
        {...(props.className ? { className: props.className } : {})}
        {...(props.onFirstFrame ? { onFirstFrame: props.onFirstFrame } : {})}
      />
      {filter.blurred && reason && props.showNotice !== false && (
        <section className="filter-notice" aria-labelledby={messageId}>
          <p id={messageId} className="filter-notice__message" role={reason === 'checking' ? 'status' : 'alert'}>
            {MESSAGES[reason]}
          </p>
          {reason === 'explicit' && filter.hasFlaggedFrame && (
            <label className="filter-notice__evidence" htmlFor={evidenceId}>
              <input
                id={evidenceId}
                type="checkbox"
                checked={filter.flaggedFrame !== undefined}
                onChange={(event) => filter.setShareFlaggedFrame(event.target.checked)}
              />
              Attach the blurred picture to my report (it stays on this device otherwise)
            </label>
          )}
          <div className="filter-notice__actions">
            <button type="button" className="button button--secondary" onClick={filter.showAnyway}>
              Show anyway
            </button>
            <button type="button" className="button button--danger" onClick={() => props.onReport(filter.flaggedFrame)}>
              Report
            </button>
            <button type="button" className="button button--primary" onClick={props.onSkip}>
              Skip
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
