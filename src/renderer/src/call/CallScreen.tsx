import { useCallback, useEffect, useMemo, useState } from 'react';
import { socketProtocolsFor } from '../../../shared/accounts-api';
import type { AccountState } from '../../../shared/account-state';
import type { ShortcutAction } from '../../../shared/bridge-contract';
import { effectiveCallKeys } from '../../../shared/call-keys';
import { AccountPanel } from '../account/AccountPanel';
import { desktopBridge } from '../bridge';
import { ChatPanel } from '../chat/ChatPanel';
import { useChat } from '../chat/use-chat';
import { SafetyPanel } from '../safety/SafetyPanel';
import { ShortcutOverlay } from '../safety/ShortcutOverlay';
import { useCallKeys } from '../safety/use-call-keys';
import { SettingsPanel } from '../settings/SettingsPanel';
import { useSettings } from '../settings/use-settings';
import { TopBar } from '../TopBar';
import { CallStage } from './CallStage';
import { Lobby } from './Lobby';
import { NoticeBanner } from './NoticeBanner';
import { useLocalMedia } from './local-media';
import { usePartnerMedia } from './use-partner-media';
import { useCallSession } from './use-call-session';

const STATUS_TEXT = { connecting: 'Connecting', online: 'Online', offline: 'Offline' } as const;

interface CallScreenProps {
  account: Extract<AccountState, { status: 'signed-in' }>;
  onAccountChanged(): void;
}

/** Everything after sign-in: the lobby, searching, the call, its chat and its safety tools. */
export function CallScreen({ account, onAccountChanged }: CallScreenProps) {
  const [accountOpen, setAccountOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const media = useLocalMedia();
  // Each connection asks main for a fresh short-lived token; the refresh token never leaves main.
  const socketAccess = useCallback(async (fresh: boolean) => {
    const access = await desktopBridge().getSocketAccess({ fresh });
    if (!access.ok) throw new Error(access.error.message);
    return { url: access.value.url, protocols: socketProtocolsFor(access.value.accessToken) };
  }, []);
  const call = useCallSession(socketAccess, media.stream);
  const chat = useChat(call, call.state.pairId, call.state.partnerId);
  const settingsHandle = useSettings();
  const { settings } = settingsHandle;
  const keys = useMemo(() => effectiveCallKeys(settings.callKeys), [settings.callKeys]);
  const partnerMedia = usePartnerMedia(call, media.microphoneMuted, media.cameraOff);

  const { phase } = call.state;
  const { stop, next, start } = call;
  // Without a camera there is no call: end it, and the lobby says what went wrong.
  useEffect(() => {
    if (media.error && phase !== 'lobby') stop();
  }, [media.error, phase, stop]);

  const { microphoneMuted, cameraOff, setMicrophoneMuted, setCameraOff } = media;
  const runAction = useCallback(
    (action: ShortcutAction) => {
      switch (action) {
        case 'call.toggle-microphone':
          return setMicrophoneMuted(!microphoneMuted);
        case 'call.toggle-camera':
          return setCameraOff(!cameraOff);
        case 'call.start':
          return phase === 'lobby' && media.stream ? start() : undefined;
        case 'call.skip':
          return phase === 'connecting' || phase === 'in-call' ? next() : undefined;
        case 'call.stop':
          return phase !== 'lobby' ? stop() : undefined;
        case 'safety.panic':
          // At once: nothing more of you goes out, and the call is over.
          setMicrophoneMuted(true);
          setCameraOff(true);
          return phase !== 'lobby' ? stop() : undefined;
        case 'safety.report':
        case 'safety.block':
          return undefined;
        case 'help.show-shortcuts':
          return setShortcutsOpen((open) => !open);
      }
    },
    [microphoneMuted, cameraOff, setMicrophoneMuted, setCameraOff, phase, media.stream, start, next, stop],
  );
  useCallKeys(keys, runAction);

  return (
    <>
      <TopBar>
        <span className={`status status--${call.serverStatus}`} role="status" aria-label={`Server: ${STATUS_TEXT[call.serverStatus]}`}>
          {STATUS_TEXT[call.serverStatus]}
        </span>
        <button type="button" className="account-button" onClick={() => setSettingsOpen(true)}>
          Settings
        </button>
        <button type="button" className="account-button" aria-label={`Account: ${account.account.username}`} onClick={() => setAccountOpen(true)}>
          {account.account.username}
        </button>
      </TopBar>
      <NoticeBanner notice={call.state.notice} onDismiss={call.dismissNotice} />
      {phase === 'lobby' ? (
        <Lobby media={media} serverStatus={call.serverStatus} onStart={call.start} />
      ) : (
        <CallStage
          phase={phase}
          pairId={call.state.pairId}
          localStream={media.stream}
          remoteStream={call.remoteStream}
          roundTripMs={call.roundTripMs}
          partnerMedia={partnerMedia}
          self={{ microphoneMuted, cameraOff }}
          filterIncomingVideo={settings.filterIncomingVideo}
          onReportVideo={() => runAction('safety.report')}
          onSkip={() => runAction('call.skip')}
          controls={
            <SafetyPanel
              inCall={phase !== 'searching'}
              microphoneMuted={microphoneMuted}
              cameraOff={cameraOff}
              keys={keys}
              onAction={runAction}
              onCancel={call.cancel}
              onStop={call.stop}
            />
          }
          aside={<ChatPanel chat={chat} connected={phase === 'in-call'} privacyGuard={settings.outgoingPrivacyGuard} />}
        />
      )}
      {shortcutsOpen && <ShortcutOverlay keys={keys} onClose={() => setShortcutsOpen(false)} />}
      {settingsOpen && <SettingsPanel settings={settingsHandle} onClose={() => setSettingsOpen(false)} />}
      {accountOpen && <AccountPanel state={account} onChanged={onAccountChanged} onClose={() => setAccountOpen(false)} />}
    </>
  );
}
