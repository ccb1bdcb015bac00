/**
 * React side of the incoming-video filter: runs the filter loop on the
 * stranger's stream while `enabled`, and tells the view whether to blur and
 * why. A new stream starts blurred from its very first render.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { encodeFlaggedFrame } from './flagged-frame-evidence';
import type { BlurReason, FilterView } from './filter-decision';
import { CLASSIFIER_FRAME_SIZE, type FrameClassifier } from './frame-classifier';
import type { FilterSettings } from './filter-settings';
import { startIncomingVideoFilter, type ClassificationSample, type IncomingVideoFilter } from './incoming-video-filter';
import { sharedNsfwWorkerClassifier } from './nsfw-worker-classifier';
import { createVideoFrameGrabber } from './video-frame-grabber';
import { useLatest } from '../use-latest';

export interface IncomingVideoFilterState {
  blurred: boolean;
  reason: BlurReason | null;
  /** The person chose to see the video as it is (see filter-decision for how long that lasts). */
  showAnyway(): void;
  /** The frame that triggered the explicit blur; present only after the person agreed to attach it. */
  flaggedFrame?: Blob;
  /** A flagged frame is kept on the device and could be attached to a report. */
  hasFlaggedFrame: boolean;
  /** The person's answer to "attach the flagged picture to my report?"; asked again for each flag. */
  setShareFlaggedFrame(agree: boolean): void;
}

export interface IncomingVideoFilterHookOptions {
  /** Defaults to the session's nsfwjs worker; tests and the benchmark inject scores here. */
  createClassifier?: () => FrameClassifier<ImageBitmap>;
  settings?: FilterSettings;
  onClassified?(sample: ClassificationSample): void;
}

const CLEAR: FilterView = { blurred: false, reason: null };
const CHECKING: FilterView = { blurred: true, reason: 'checking' };

export function useIncomingVideoFilter(
  remoteStream: MediaStream | null,
  enabled: boolean,
  options: IncomingVideoFilterHookOptions = {},
): IncomingVideoFilterState {
  const optionsRef = useLatest(options);
  const filterRef = useRef<IncomingVideoFilter | null>(null);
  // Each view is tagged with the stream it belongs to, so a new stream never inherits "clear".
  const [latest, setLatest] = useState<{ stream: MediaStream; view: FilterView } | null>(null);
  const [evidence, setEvidence] = useState<{ stream: MediaStream; blob: Blob } | null>(null);
  const [shareAgreed, setShareAgreed] = useState(false);

  useEffect(() => {
    if (!enabled || !remoteStream) return;
    let active = true;
    const { createClassifier = sharedNsfwWorkerClassifier, settings } = optionsRef.current;
    const grabber = createVideoFrameGrabber(remoteStream, CLASSIFIER_FRAME_SIZE);
    const filter = startIncomingVideoFilter<ImageBitmap>({
      classifier: createClassifier(),
      grabFrame: grabber.grab,
      releaseFrame: (frame) => frame.close(),
      watchSceneChanges: grabber.watchSceneChanges,
      onChange: (view) => setLatest({ stream: remoteStream, view }),
      onFlaggedFrame: (frame) => {
        void encodeFlaggedFrame(frame).then(
          (blob) => {
            if (!active) return;
            setEvidence({ stream: remoteStream, blob });
            setShareAgreed(false);
          },
          () => {
            // No evidence then; the blur itself does not depend on it.
          },
        );
      },
      onClassified: (sample) => optionsRef.current.onClassified?.(sample),
      ...(settings ? { settings } : {}),
    });
    filterRef.current = filter;
    return () => {
      active = false;
      filter.stop();
      grabber.dispose();
      filterRef.current = null;
      setLatest(null);
    };
  }, [remoteStream, enabled, optionsRef]);

  const showAnyway = useCallback(() => filterRef.current?.showAnyway(), []);
  const setShareFlaggedFrame = useCallback((agree: boolean) => setShareAgreed(agree), []);

  let view = CHECKING;
  if (!enabled || !remoteStream) view = CLEAR;
  else if (latest && latest.stream === remoteStream) view = latest.view;
  const kept = evidence && evidence.stream === remoteStream ? evidence.blob : undefined;
  return {
    blurred: view.blurred,
    reason: view.reason,
    showAnyway,
    ...(kept && shareAgreed ? { flaggedFrame: kept } : {}),
    hasFlaggedFrame: kept !== undefined,
    setShareFlaggedFrame,
  };
}
