/**
 * The person's own camera and microphone: one stream kept for the whole
 * session (so each new call starts without waiting for the camera), the
 * device lists for the pickers, and errors in words a person understands.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface MediaDevice {
  id: string;
  label: string;
}

export interface LocalMedia {
  stream: MediaStream | null;
  error: string | null;
  cameras: MediaDevice[];
  microphones: MediaDevice[];
  cameraId: string | null;
  microphoneId: string | null;
  selectCamera(id: string): void;
  selectMicrophone(id: string): void;
  retry(): void;
  microphoneMuted: boolean;
  cameraOff: boolean;
  /** Takes effect on the outgoing track at once (the track is disabled, not just hidden). */
  setMicrophoneMuted(muted: boolean): void;
  setCameraOff(off: boolean): void;
}

export function describeMediaError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Cam-Party is not allowed to use your camera or microphone. Allow access, then try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera or microphone was found. Connect one, then try again.';
    case 'NotReadableError':
    case 'AbortError':
      return 'Your camera or microphone is busy in another app. Close that app, then try again.';
    default:
      return 'Your camera could not be started. Try again, or pick another camera.';
  }
}

function toDevices(devices: MediaDeviceInfo[], kind: MediaDeviceKind, fallback: string): MediaDevice[] {
  return devices
    .filter((device) => device.kind === kind && device.deviceId !== '')
    .map((device, index) => ({ id: device.deviceId, label: device.label || `${fallback} ${index + 1}` }));
}

export function useLocalMedia(): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cameras, setCameras] = useState<MediaDevice[]>([]);
  const [microphones, setMicrophones] = useState<MediaDevice[]>([]);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [microphoneId, setMicrophoneId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const streamRef = useRef<MediaStream | null>(null);
  const [microphoneMuted, setMicrophoneMutedState] = useState(false);
  const [cameraOff, setCameraOffState] = useState(false);
  const mutedRef = useRef({ microphone: false, camera: false });

  const refreshDevices = useCallback(async () => {
    const devices = await navigator.mediaDevices.enumerateDevices();
    setCameras(toDevices(devices, 'videoinput', 'Camera'));
    setMicrophones(toDevices(devices, 'audioinput', 'Microphone'));
  }, []);

  useEffect(() => {
    let cancelled = false;
    const constraints: MediaStreamConstraints = {
      video: {
        width: { ideal: 640 },
        height: { ideal: 480 },
        frameRate: { ideal: 30 },
        ...(cameraId ? { deviceId: { exact: cameraId } } : {}),
      },
      audio: {
        echoCancellation: true,
        noiseSuppression: true,
        ...(microphoneId ? { deviceId: { exact: microphoneId } } : {}),
      },
    };
    navigator.mediaDevices
      .getUserMedia(constraints)
      .then(async (next) => {
        if (cancelled) {
          next.getTracks().forEach((track) => track.stop());
          return;
        }
        streamRef.current?.getTracks().forEach((track) => track.stop());
        streamRef.current = next;
        // A new camera or microphone keeps the person's mute choices.
        next.getAudioTracks().forEach((track) => (track.enabled = !mutedRef.current.microphone));
        next.getVideoTracks().forEach((track) => (track.enabled = !mutedRef.current.camera));
        setStream(next);
        setError(null);
        for (const track of next.getTracks()) {
          track.addEventListener('ended', () => {
            if (streamRef.current === next) setError('Your camera or microphone stopped. Reconnect it, then try again.');
          });
        }
        await refreshDevices();
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(describeMediaError(reason));
      });
    return () => {
      cancelled = true;
    };
  }, [cameraId, microphoneId, attempt, refreshDevices]);

  useEffect(() => {
    const onChange = (): void => void refreshDevices();
    navigator.mediaDevices.addEventListener('devicechange', onChange);
    return () => {
      navigator.mediaDevices.removeEventListener('devicechange', onChange);
      streamRef.current?.getTracks().forEach((track) => track.stop());
    };
  }, [refreshDevices]);

  const setMicrophoneMuted = useCallback((muted: boolean) => {
    mutedRef.current.microphone = muted;
    streamRef.current?.getAudioTracks().forEach((track) => (track.enabled = !muted));
    setMicrophoneMutedState(muted);
  }, []);
  const setCameraOff = useCallback((off: boolean) => {
    mutedRef.current.camera = off;
    streamRef.current?.getVideoTracks().forEach((track) => (track.enabled = !off));
    setCameraOffState(off);
  }, []);

  return {
    microphoneMuted,
    cameraOff,
    setMicrophoneMuted,
    setCameraOff,
    stream,
    error,
    cameras,
    microphones,
    cameraId: cameraId ?? stream?.getVideoTracks()[0]?.getSettings().deviceId ?? null,
    microphoneId: microphoneId ?? stream?.getAudioTracks()[0]?.getSettings().deviceId ?? null,
    selectCamera: setCameraId,
    selectMicrophone: setMicrophoneId,
    retry: () => setAttempt((value) => value + 1),
  };
}
