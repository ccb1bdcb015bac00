/**
 * Everything after sign-in: the lobby, searching, the call, its chat and
 * its safety tools. This file only wires the parts together; each concern
 * lives in its own hook or component.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccountState } from '../../../shared/account-state';
import { callBridge } from '../bridge';
import { effectiveCallKeys } from '../../../shared/call-keys';
import { useChat } from '../chat/use-chat';
import { useProcessedStream } from '../effects/use-processed-stream';
import { useSafetyActions } from '../safety/use-safety-actions';
import { useSettings } from '../settings/use-settings';
import { CallDialogs, type CallPanel } from './CallDialogs';
import { CallTopBar } from './CallTopBar';
import { CallView } from './CallView';
import { LiveAnnouncer, useAnnouncer } from './LiveAnnouncer';
import { Lobby } from './Lobby';
import { NoticeBanner } from './NoticeBanner';
import { useLocalMedia } from './local-media';
import { useCallActions } from './use-call-actions';
import { useCallAnnouncements } from './use-call-announcements';
import { useCallSession } from './use-call-session';
import { usePartnerMedia } from './use-partner-media';
import { useSocketAccess } from './use-socket-access';
import { useVideoEffect } from './use-video-effect';

interface CallScreenProps {
  account: Extract<AccountState, { status: 'signed-in' }>;
  onAccountChanged(): void;
}

export function CallScreen({ account, onAccountChanged }: CallScreenProps) {
  const [panel, setPanel] = useState<CallPanel | null>(null);
  const media = useLocalMedia();
  const access = useSocketAccess();
  const settingsHandle = useSettings();
  const { settings } = settingsHandle;
  const { effect, chooseEffect } = useVideoEffect(settingsHandle);
  // Until settings are read, nothing is processed or sent: the stored choice may be an effect.
  const outgoing = useProcessedStream(settingsHandle.loaded ? media.stream : null, effect);
  const call = useCallSession(access.socketAccess, outgoing.readyToSend ? outgoing.stream : null);
  const { phase, pairId, startedAt } = call.state;
  const chat = useChat(call, pairId, call.state.partnerId);
  const keys = useMemo(() => effectiveCallKeys(settings.callKeys), [settings.callKeys]);
  const partnerMedia = usePartnerMedia(call, media.microphoneMuted, media.cameraOff);
  const { microphoneMuted, cameraOff } = media;

  // Without a camera there is no call: end it, and the lobby says what went wrong.
  const { stop } = call;
  useEffect(() => {
    if (media.error && phase !== 'lobby') stop();
  }, [media.error, phase, stop]);
  // Main holds update questions while a call is on (searching included).
  useEffect(() => void callBridge('setCallActive', { active: phase !== 'lobby' }), [phase]);
  // The processed track is a track of its own: camera off must reach it too.
  useEffect(() => {
    outgoing.stream?.getVideoTracks().forEach((track) => (track.enabled = !cameraOff));
  }, [outgoing.stream, cameraOff]);

  const safety = useSafetyActions({ pairId, startedAt, chat: chat.entries, notify: call.notify, next: call.next });
  const toggleShortcuts = useCallback(() => setPanel((open) => (open === 'shortcuts' ? null : 'shortcuts')), []);
  const runAction = useCallActions(keys, {
    phase,
    pairId,
    canStart: media.stream !== null,
    microphoneMuted,
    cameraOff,
    setMicrophoneMuted: media.setMicrophoneMuted,
    setCameraOff: media.setCameraOff,
    start: call.start,
    next: call.next,
    stop,
    reportNow: safety.reportNow,
    block: safety.block,
    toggleShortcuts,
  });

  const { announcement, announce } = useAnnouncer();
  const report = safety.reporting.report;
  const filedReport = report?.status === 'filed' ? (report.receipt?.reportNumber ?? null) : null;
  useCallAnnouncements({ phase, pairId, microphoneMuted, cameraOff, partnerMicrophone: partnerMedia.microphone, filedReport }, announce);

  // A refused socket access (signed out elsewhere, suspended) says why, before the controller's "retrying".
  const notice = access.error ? { tone: 'error' as const, text: access.error } : call.state.notice;
  const dismissNotice = access.error ? access.dismissError : call.dismissNotice;
  return (
    <>
      <CallTopBar
        account={account}
        serverStatus={call.serverStatus}
        onOpenSettings={() => setPanel('settings')}
        onOpenAccount={() => setPanel('account')}
      />
      <NoticeBanner notice={notice} onDismiss={dismissNotice} />
      <LiveAnnouncer announcement={announcement} />
      {phase === 'lobby' ? (
        <Lobby
          media={media}
          outgoing={outgoing}
          effect={effect}
          onEffectChange={chooseEffect}
          serverStatus={call.serverStatus}
          onStart={call.start}
          settings={settingsHandle}
        />
      ) : (
        <CallView
          phase={phase}
          call={call}
          chat={chat}
          localStream={outgoing.stream}
          partnerMedia={partnerMedia}
          self={{ microphoneMuted, cameraOff }}
          keys={keys}
          filterIncomingVideo={settings.filterIncomingVideo}
          privacyGuard={settings.outgoingPrivacyGuard}
          runAction={runAction}
          reportNow={safety.reportNow}
          reportVideo={safety.reportVideo}
          onOpenEffects={() => setPanel('effects')}
        />
      )}
      <CallDialogs
        open={panel}
        onClose={() => setPanel(null)}
        account={account}
        onAccountChanged={onAccountChanged}
        settings={settingsHandle}
        keys={keys}
        effect={effect}
        onEffectChange={chooseEffect}
        report={report}
        onCloseReport={safety.reporting.close}
        onBlock={(blockedPairId) => {
          safety.reporting.close();
          void safety.block(blockedPairId);
        }}
      />
    </>
  );
}
