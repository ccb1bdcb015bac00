import { useEffect, useState } from 'react';
import { desktopBridge } from './bridge';
import { CallStage } from './call/CallStage';
import { Lobby } from './call/Lobby';
import { NoticeBanner } from './call/NoticeBanner';
import { useCallSession } from './call/use-call-session';
import { useLocalMedia } from './call/local-media';
import { ChatPanel } from './chat/ChatPanel';
import { useChat } from './chat/use-chat';

const STATUS_TEXT = { connecting: 'Connecting', online: 'Online', offline: 'Offline' } as const;

export function App() {
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [bridgeError, setBridgeError] = useState<string | null>(null);
  const media = useLocalMedia();
  const call = useCallSession(serverUrl, media.stream);
  const chat = useChat(call, call.state.pairId);

  useEffect(() => {
    desktopBridge()
      .getServerConfig()
      .then((config) => setServerUrl(config.url))
      .catch((error: unknown) => setBridgeError(error instanceof Error ? error.message : String(error)));
  }, []);

  const { phase } = call.state;
  const { stop } = call;
  // Without a camera there is no call: end it, and the lobby says what went wrong.
  useEffect(() => {
    if (media.error && phase !== 'lobby') stop();
  }, [media.error, phase, stop]);

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand" aria-label="Cam-Party">
          <span className="brand__dot" aria-hidden="true" />
          Cam-Party
        </span>
        <span className={`status status--${call.serverStatus}`} role="status" aria-label={`Server: ${STATUS_TEXT[call.serverStatus]}`}>
          {STATUS_TEXT[call.serverStatus]}
        </span>
      </header>
      <NoticeBanner
        notice={bridgeError ? { tone: 'error', text: bridgeError } : call.state.notice}
        onDismiss={call.dismissNotice}
      />
      {phase === 'lobby' ? (
        <Lobby media={media} serverStatus={call.serverStatus} onStart={call.start} />
      ) : (
        <CallStage
          phase={phase}
          pairId={call.state.pairId}
          localStream={media.stream}
          remoteStream={call.remoteStream}
          roundTripMs={call.roundTripMs}
          onCancel={call.cancel}
          onNext={call.next}
          onStop={call.stop}
          aside={<ChatPanel chat={chat} connected={phase === 'in-call'} />}
        />
      )}
    </div>
  );
}
