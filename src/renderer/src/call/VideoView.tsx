import { useEffect, useRef } from 'react';
import { useLatest } from '../use-latest';

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
    if (!video) return;
    video.srcObject = stream;
    if (!stream) return;
    let handle: number | undefined;
    if (onFirstFrameRef.current) handle = video.requestVideoFrameCallback(() => onFirstFrameRef.current?.());
    video.play().catch(() => {
      // Playback resumes on the next user gesture; nothing is lost.
    });
    return () => {
      if (handle !== undefined) video.cancelVideoFrameCallback(handle);
      // Let go of the stream at once rather than when the element is garbage-collected.
      video.srcObject = null;
    };
  }, [stream, onFirstFrameRef]);

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
