import { useCallback, useEffect, useMemo, useState } from 'react';
import { socketProtocolsFor } from '../../../shared/accounts-api';
import type { AccountState } from '../../../shared/account-state';
import type { ShortcutAction } from '../../../shared/bridge-contract';
import { effectiveCallKeys } from '../../../shared/call-keys';
import { AccountPanel } from '../account/AccountPanel';
import { desktopBridge } from '../bridge';
import { ChatPanel } from '../chat/ChatPanel';
import { useChat } from '../chat/use-chat';
import { blobToDataUrl, captureStillFrame } from '../safety/frame-capture';
import { reasonForFlags } from '../safety/report-reasons';
import { ReportDialog } from '../safety/ReportDialog';
import { SafetyPanel } from '../safety/SafetyPanel';
import { blockStranger, useReporting, type ReportContext } from '../safety/use-reporting';
import { ShortcutOverlay } from '../safety/ShortcutOverlay';
import { useCallKeys } from '../safety/use-call-keys';
import { SettingsPanel } from '../settings/SettingsPanel';
import { useSettings } from '../settings/use-settings';
import type { StoredVideoEffect } from '../../../shared/video-effect';
import { DEFAULT_BLUR, isStorable, readStoredEffect, type Effect } from '../effects/effect-model';
import { useProcessedStream } from '../effects/use-processed-stream';
import { EffectPicker } from '../effects/EffectPicker';
import { Dialog } from '../Dialog';
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
  const [effectsOpen, setEffectsOpen] = useState(false);
  const media = useLocalMedia();
  // Each connection asks main for a fresh short-lived token; the refresh token never leaves main.
  const socketAccess = useCallback(async (fresh: boolean) => {
    const access = await desktopBridge().getSocketAccess({ fresh });
    if (!access.ok) throw new Error(access.error.message);
    return { url: access.value.url, protocols: socketProtocolsFor(access.value.accessToken) };
  }, []);
  const settingsHandle = useSettings();
  const { settings } = settingsHandle;
  // The effect chosen this session; until then the one from settings ("always start with blur" wins).
  const [chosenEffect, setChosenEffect] = useState<Effect | null>(null);
  const effect = chosenEffect ?? (settings.alwaysStartWithBlur ? DEFAULT_BLUR : readStoredEffect(settings.videoEffect));
  const chooseEffect = useCallback(
    (next: Effect) => {
      setChosenEffect(next);
      if (isStorable(next)) void settingsHandle.update({ videoEffect: next as StoredVideoEffect });
    },
    [settingsHandle],
  );
  // Until settings are read, nothing is processed or sent: the stored choice may be an effect.
  const outgoing = useProcessedStream(settingsHandle.loaded ? media.stream : null, effect);
  const call = useCallSession(socketAccess, outgoing.readyToSend ? outgoing.stream : null);
  const chat = useChat(call, call.state.pairId, call.state.partnerId);
  const keys = useMemo(() => effectiveCallKeys(settings.callKeys), [settings.callKeys]);
  const partnerMedia = usePartnerMedia(call, media.microphoneMuted, media.cameraOff);

  const { phase } = call.state;
  const { stop, next, start } = call;
  // Without a camera there is no call: end it, and the lobby says what went wrong.
  useEffect(() => {
    if (media.error && phase !== 'lobby') stop();
  }, [media.error, phase, stop]);

  const { microphoneMuted, cameraOff, setMicrophoneMuted, setCameraOff } = media;
  // The processed track is a track of its own: camera off must reach it too.
  useEffect(() => {
    outgoing.stream?.getVideoTracks().forEach((track) => (track.enabled = !cameraOff));
  }, [outgoing.stream, cameraOff]);
  const reporting = useReporting();
  const { notify } = call;
  const { startedAt, pairId } = call.state;
  // Evidence is taken the moment the person asks: the call may end a millisecond later.
  const reportContext = useCallback(
    (): ReportContext | null => (pairId && startedAt ? { pairId, startedAt, chat: chat.entries } : null),
    [pairId, startedAt, chat.entries],
  );
  const reportNow = useCallback(
    (options: Parameters<typeof reporting.file>[1] = {}) => {
      const context = reportContext();
      if (!context) return;
      const frame = options.frame ?? captureStillFrame(document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]'));
      void reporting.file(context, { ...options, frame });
    },
    [reportContext, reporting],
  );
  const block = useCallback(
    async (blockedPairId: string) => {
      const error = await blockStranger(blockedPairId);
      if (error) return notify({ tone: 'error', text: `Could not block: ${error.message}` });
      if (call.state.pairId === blockedPairId) next();
      notify({ tone: 'info', text: 'Blocked. You will not be paired with them again.' });
    },
    [notify, next, call.state.pairId],
  );
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
          // At once: nothing more of you goes out, the call is over, and the report is on its way.
          setMicrophoneMuted(true);
          setCameraOff(true);
          reportNow();
          return phase !== 'lobby' ? stop() : undefined;
        case 'safety.report':
          return reportNow();
        case 'safety.block':
          return pairId ? void block(pairId) : undefined;
        case 'help.show-shortcuts':
          return setShortcutsOpen((open) => !open);
      }
    },
    [microphoneMuted, cameraOff, setMicrophoneMuted, setCameraOff, phase, media.stream, start, next, stop, reportNow, block, pairId],
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
        <button
          type="button"
          className="account-button"
          aria-label={`Account: ${account.account.username}`}
          onClick={() => setAccountOpen(true)}
        >
          {account.account.username}
        </button>
      </TopBar>
      <NoticeBanner notice={call.state.notice} onDismiss={call.dismissNotice} />
      {phase === 'lobby' ? (
        <Lobby
          media={media}
          outgoing={outgoing}
          effect={effect}
          onEffectChange={chooseEffect}
          serverStatus={call.serverStatus}
          onStart={call.start}
        />
      ) : (
        <CallStage
          phase={phase}
          pairId={call.state.pairId}
          localStream={outgoing.stream}
          remoteStream={call.remoteStream}
          roundTripMs={call.roundTripMs}
          partnerMedia={partnerMedia}
          self={{ microphoneMuted, cameraOff }}
          filterIncomingVideo={settings.filterIncomingVideo}
          onReportVideo={(evidence) =>
            void (evidence ? blobToDataUrl(evidence) : Promise.resolve(null)).then((frame) =>
              reportNow({ frame, attachFrame: frame !== null, reason: 'sexual-content' }),
            )
          }
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
              onOpenEffects={() => setEffectsOpen(true)}
            />
          }
          aside={
            <ChatPanel
              chat={chat}
              connected={phase === 'in-call' && call.channelOpen}
              privacyGuard={settings.outgoingPrivacyGuard}
              onReportMessage={(entry) => reportNow({ reason: reasonForFlags(entry.flags) })}
            />
          }
        />
      )}
      {reporting.report && (
        <ReportDialog
          report={reporting.report}
          onBlock={(blockedPairId) => {
            reporting.close();
            void block(blockedPairId);
          }}
          onClose={reporting.close}
        />
      )}
      {effectsOpen && (
        <Dialog title="Your background" closeLabel="Close background settings" onClose={() => setEffectsOpen(false)}>
          <p className="form-field__hint">Changes what the stranger sees at once. With an effect on, your raw camera is never sent.</p>
          <EffectPicker value={effect} onChange={chooseEffect} />
        </Dialog>
      )}
      {shortcutsOpen && <ShortcutOverlay keys={keys} onClose={() => setShortcutsOpen(false)} />}
      {settingsOpen && <SettingsPanel settings={settingsHandle} onClose={() => setSettingsOpen(false)} />}
      {accountOpen && <AccountPanel state={account} onChanged={onAccountChanged} onClose={() => setAccountOpen(false)} />}
    </>
  );
}
