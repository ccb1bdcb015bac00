import type { LocalMedia } from './local-media';
import type { ServerStatus } from './call-controller';
import { DevicePicker } from './DevicePicker';
import { OsMediaAccess } from './OsMediaAccess';
import { VideoView } from './VideoView';
import type { Effect } from '../effects/effect-model';
import { EffectPicker } from '../effects/EffectPicker';
import type { ProcessedStream } from '../effects/use-processed-stream';
import { ActionError } from '../ActionButton';
import { SettingsErrorNote } from '../settings/SettingsErrorNote';
import type { SettingsHandle } from '../settings/use-settings';
import '../buttons.css';
import '../forms.css';
import './video.css';
import './lobby.css';

interface LobbyProps {
  media: LocalMedia;
  /** What will be sent: the camera, or the camera through the chosen effect. */
  outgoing: ProcessedStream;
  effect: Effect;
  onEffectChange(effect: Effect): void;
  serverStatus: ServerStatus;
  onStart(): void;
  /** Their failure to load or save shows here: nothing is sent until they are read. */
  settings: SettingsHandle;
}

const SAFETY_TIPS = [
  'Keep personal details private: no address, workplace, phone number or passwords.',
  'Check what is behind you before you start.',
  'Skip freely. You owe no one your time.',
];

export function Lobby({ media, outgoing, effect, onEffectChange, serverStatus, onStart, settings }: LobbyProps) {
  // With an effect on, Start waits for its first processed frame: no raw frame is ever sent.
  const ready = outgoing.readyToSend && serverStatus === 'online';
  const effectProblem = outgoing.status.state === 'paused' || outgoing.status.state === 'error' ? outgoing.status.detail : null;
  return (
    <main className="lobby" aria-labelledby="lobby-title">
      <section className="lobby__preview" aria-label="Your camera">
        <div className="preview-frame">
          {media.error ? (
            <div className="preview-frame__error" role="alert">
              <p>{media.error}</p>
              <button type="button" className="button button--secondary" onClick={media.retry}>
                Try again
              </button>
            </div>
          ) : (
            <VideoView stream={outgoing.stream} self label="Your camera preview" className="preview-frame__video" />
          )}
          <span className="preview-frame__tag">You</span>
        </div>
        <div className="lobby__devices">
          <DevicePicker label="Camera" devices={media.cameras} selectedId={media.cameraId} onSelect={media.selectCamera} />
          <DevicePicker label="Microphone" devices={media.microphones} selectedId={media.microphoneId} onSelect={media.selectMicrophone} />
        </div>
        <EffectPicker value={effect} onChange={onEffectChange} disabled={media.stream === null} />
        <SettingsErrorNote error={settings.error} keys={['videoEffect']} />
        {settings.error?.keys === null && (
          <>
            <ActionError error={settings.error.message} />
            <button type="button" className="button button--secondary" onClick={settings.reload}>
              Read the settings again
            </button>
          </>
        )}
        {effectProblem && (
          <p className="form-error" role="alert">
            {effectProblem}
          </p>
        )}
      </section>
      <section className="lobby__start">
        <h1 id="lobby-title">Meet someone new</h1>
        <p className="lobby__lead">One click pairs you with a random stranger for a video chat. Skip whenever you like.</p>
        <button type="button" className="button button--primary button--large" disabled={!ready} onClick={onStart}>
          Start
        </button>
        <p className="lobby__hint" aria-live="polite">
          {media.stream === null
            ? 'Waiting for your camera…'
            : !outgoing.readyToSend
              ? 'Preparing your background…'
              : serverStatus === 'online'
                ? 'Your camera and microphone are ready.'
                : 'Connecting to Cam-Party…'}
        </p>
        <OsMediaAccess />
        <ul className="tips" aria-label="Safety reminders">
          {SAFETY_TIPS.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}
