import { useEffect, useRef } from 'react';
import { useLatest } from '../use-latest';
import { deferTeardown } from './deferred-teardown';
import './video.css';

interface VideoViewProps {
  stream: MediaStream | null;
  /** Our own preview: mirrored like a mirror, and never played back to us. */
  self?: boolean;
  label: string;
  className?: string;
  /** Called once per stream, when its first frame is painted. */
  onFirstFrame?: () => void;
}

export function VideoView({ stream, self = false, label, className, onFirstFrame }: VideoViewProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const onFirstFrameRef = useLatest(onFirstFrame);

  useEffect(() => {
    const video = videoRef.current;
    // No stream: the last one's cleanup below has already let go (or will).
    if (!video || !stream) return;
    // A stranger's view that was silenced on its way out (see below) gets its sound back.
    video.muted = self;
    video.srcObject = stream;
    let handle: number | undefined;
    if (onFirstFrameRef.current) handle = video.requestVideoFrameCallback(() => onFirstFrameRef.current?.());
    video.play().catch(() => {
      // Playback resumes on the next user gesture; nothing is lost.
    });
    return () => {
      if (handle !== undefined) video.cancelVideoFrameCallback(handle);
      if (self) {
        // Our camera: let go at once (a detached element holding it stalled the camera for ~2.5 s after Stop).
        video.srcObject = null;
        return;
      }
      // The stranger's: silent now; letting go costs ~5 ms, so it waits until the next partner is on screen.
      video.muted = true;
      deferTeardown(() => {
        if (video.srcObject === stream) video.srcObject = null;
      });
    };
  }, [stream, self, onFirstFrameRef]);

  return (
    <video
      ref={videoRef}
      className={[className, self ? 'video--mirrored' : ''].filter(Boolean).join(' ')}
      aria-label={label}
      data-testid={self ? 'local-video' : 'remote-video'}
      autoPlay
      playsInline
      muted={self}
    />
  );
}
