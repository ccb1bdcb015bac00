import { useCallback, type ReactNode } from 'react';
import type { CallPhase } from './call-machine';
import { markCall } from './call-marks';
import { VideoView } from './VideoView';

interface CallStageProps {
  phase: Exclude<CallPhase, 'lobby'>;
  pairId: string | null;
  localStream: MediaStream | null;
  remoteStream: MediaStream | null;
  roundTripMs: number | null;
  onCancel(): void;
  onNext(): void;
  onStop(): void;
  /** Shown beside the video (the text chat). */
  aside?: ReactNode;
}

export function CallStage(props: CallStageProps) {
  const { phase, pairId, localStream, remoteStream, roundTripMs } = props;
  const searching = phase === 'searching';
  const showRemote = phase === 'in-call' && remoteStream !== null;
  const onFirstFrame = useCallback(() => markCall('remote-first-frame', pairId ?? undefined), [pairId]);

  return (
    <main className="stage" aria-labelledby="stage-title" data-phase={phase}>
      <h1 id="stage-title" className="visually-hidden">
        {searching ? 'Searching for a stranger' : 'Call with a stranger'}
      </h1>
      <div className="stage__remote">
        {remoteStream && (
          <VideoView
            stream={remoteStream}
            label="Stranger's video"
            className={`stage__remote-video${showRemote ? '' : ' is-hidden'}`}
            onFirstFrame={onFirstFrame}
          />
        )}
        {!showRemote && (
          <div className="stage__waiting" role="status" aria-live="polite">
            <div className="spinner" aria-hidden="true" />
            <p>{searching ? 'Looking for someone to talk to…' : 'Connecting to a stranger…'}</p>
          </div>
        )}
        {showRemote && (
          <span className="stage__tag" aria-live="polite">
            Stranger{roundTripMs !== null && <span className="stage__rtt" data-testid="round-trip"> · {roundTripMs} ms</span>}
          </span>
        )}
        <div className="stage__self">
          <VideoView stream={localStream} self label="Your camera" className="stage__self-video" />
          <span className="stage__tag stage__tag--small">You</span>
        </div>
      </div>
      {props.aside}
      <nav className="controls" aria-label="Call controls">
        {searching ? (
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            Cancel
          </button>
        ) : (
          <>
            <button type="button" className="button button--danger" onClick={props.onStop}>
              Stop
            </button>
            <button type="button" className="button button--primary" onClick={props.onNext}>
              Next
            </button>
          </>
        )}
      </nav>
    </main>
  );
}
