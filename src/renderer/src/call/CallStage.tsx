import { useCallback, type ReactNode } from 'react';
import type { CallPhase } from './call-machine';
import { markCall } from './call-marks';
import { runDeferredTeardownsSoon } from './deferred-teardown';
import { FilteredRemoteVideo } from '../safety-filter/FilteredRemoteVideo';
import { VideoView } from './VideoView';
import './video.css';
import './call-stage.css';

interface CallStageProps {
  phase: Exclude<CallPhase, 'lobby'>;
  pairId: string | null;
  localStream: MediaStream | null;
  remoteStream: MediaStream | null;
  roundTripMs: number | null;
  /** Shown beside the video (the text chat). */
  aside?: ReactNode;
  /** The call and safety controls. */
  controls: ReactNode;
  /** What the stranger told us about their microphone and camera. */
  partnerMedia: { microphone: boolean; camera: boolean };
  self: { microphoneMuted: boolean; cameraOff: boolean };
  /** The person's "filter incoming video" setting. */
  filterIncomingVideo: boolean;
  /** Report from the filter's notice; the flagged frame only when the person agreed to attach it. */
  onReportVideo(evidence: Blob | undefined): void;
  onSkip(): void;
}

export function CallStage(props: CallStageProps) {
  const { phase, pairId, localStream, remoteStream, roundTripMs } = props;
  const searching = phase === 'searching';
  const showRemote = phase === 'in-call' && remoteStream !== null;
  const onFirstFrame = useCallback(() => {
    markCall('remote-first-frame', pairId ?? undefined);
    runDeferredTeardownsSoon();
  }, [pairId]);

  return (
    <main className="stage" aria-labelledby="stage-title" data-phase={phase}>
      <h1 id="stage-title" className="visually-hidden">
        {searching ? 'Searching for a stranger' : 'Call with a stranger'}
      </h1>
      <div className="stage__remote">
        {/* Always mounted: taking a playing <video> out of the page costs ~15 ms, right when Skip is pressed. */}
        <FilteredRemoteVideo
          stream={remoteStream}
          filterEnabled={props.filterIncomingVideo}
          showNotice={showRemote}
          label="Stranger's video"
          className={`stage__remote-video${showRemote ? '' : ' is-hidden'}`}
          onFirstFrame={onFirstFrame}
          onReport={props.onReportVideo}
          onSkip={props.onSkip}
        />
        {!showRemote && (
          <div className="stage__waiting" role="status" aria-live="polite">
            <div className="spinner" aria-hidden="true" />
            <p>{searching ? 'Looking for someone to talk to…' : 'Connecting to a stranger…'}</p>
          </div>
        )}
        {showRemote && !props.partnerMedia.camera && (
          <div className="stage__placeholder" role="status">
            The stranger turned their camera off.
          </div>
        )}
        {/* Not a live region: the round-trip time changes every few seconds (changes of state go to the announcer). */}
        {showRemote && (
          <span className="stage__tag">
            Stranger
            {roundTripMs !== null && (
              <span className="stage__rtt" data-testid="round-trip">
                {' '}
                · {roundTripMs} ms
              </span>
            )}
            {!props.partnerMedia.microphone && <span className="stage__badge"> · Stranger muted</span>}
          </span>
        )}
        <div className="stage__self">
          <VideoView stream={localStream} self label="Your camera" className="stage__self-video" />
          {props.self.cameraOff && <div className="stage__self-off">Camera off</div>}
          <span className="stage__tag stage__tag--small">You{props.self.microphoneMuted ? ' · muted' : ''}</span>
        </div>
      </div>
      {props.aside}
      <div className="controls">{props.controls}</div>
    </main>
  );
}
