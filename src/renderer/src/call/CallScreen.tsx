import { useCallback, useEffect, useState } from 'react';
import { socketProtocolsFor } from '../../../shared/accounts-api';
import type { AccountState } from '../../../shared/account-state';
import { AccountPanel } from '../account/AccountPanel';
import { desktopBridge } from '../bridge';
import { ChatPanel } from '../chat/ChatPanel';
import { useChat } from '../chat/use-chat';
import { useSettings } from '../settings/use-settings';
import { TopBar } from '../TopBar';
import { CallStage } from './CallStage';
import { Lobby } from './Lobby';
import { NoticeBanner } from './NoticeBanner';
import { useLocalMedia } from './local-media';
import { useCallSession } from './use-call-session';

const STATUS_TEXT = { connecting: 'Connecting', online: 'Online', offline: 'Offline' } as const;

interface CallScreenProps {
  account: Extract<AccountState, { status: 'signed-in' }>;
  onAccountChanged(): void;
}

/** Everything after sign-in: the lobby, searching, the call and its chat. */
export function CallScreen({ account, onAccountChanged }: CallScreenProps) {
  const [accountOpen, setAccountOpen] = useState(false);
  const media = useLocalMedia();
  // Each connection asks main for a fresh short-lived token; the refresh token never leaves main.
  const socketAccess = useCallback(async (fresh: boolean) => {
    const access = await desktopBridge().getSocketAccess({ fresh });
    if (!access.ok) throw new Error(access.error.message);
    return { url: access.value.url, protocols: socketProtocolsFor(access.value.accessToken) };
  }, []);
  const call = useCallSession(socketAccess, media.stream);
  const chat = useChat(call, call.state.pairId, call.state.partnerId);
  const { settings } = useSettings();

  const { phase } = call.state;
  const { stop } = call;
  // Without a camera there is no call: end it, and the lobby says what went wrong.
  useEffect(() => {
    if (media.error && phase !== 'lobby') stop();
  }, [media.error, phase, stop]);

  return (
    <>
      <TopBar>
        <span className={`status status--${call.serverStatus}`} role="status" aria-label={`Server: ${STATUS_TEXT[call.serverStatus]}`}>
          {STATUS_TEXT[call.serverStatus]}
        </span>
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
          onCancel={call.cancel}
          onNext={call.next}
          onStop={call.stop}
          aside={<ChatPanel chat={chat} connected={phase === 'in-call'} privacyGuard={settings.outgoingPrivacyGuard} />}
        />
      )}
      {accountOpen && (
        <AccountPanel
          state={account}
          onChanged={onAccountChanged}
          onClose={() => setAccountOpen(false)}
        />
      )}
    </>
  );
}
