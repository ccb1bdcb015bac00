/** Searching and in a call: the stage with its controls and the chat beside it. */
import type { ShortcutAction } from '../../../shared/bridge-contract';
import { ChatPanel } from '../chat/ChatPanel';
import type { Chat } from '../chat/use-chat';
import { reasonForFlags } from '../safety/report-reasons';
import { SafetyPanel } from '../safety/SafetyPanel';
import type { ReportOptions } from '../safety/use-reporting';
import type { CallPhase } from './call-machine';
import { CallStage } from './CallStage';
import type { CallSession } from './use-call-session';

interface CallViewProps {
  phase: Exclude<CallPhase, 'lobby'>;
  call: CallSession;
  chat: Chat;
  localStream: MediaStream | null;
  partnerMedia: { microphone: boolean; camera: boolean };
  self: { microphoneMuted: boolean; cameraOff: boolean };
  keys: Record<ShortcutAction, string[]>;
  filterIncomingVideo: boolean;
  privacyGuard: boolean;
  runAction(action: ShortcutAction): void;
  reportNow(options?: ReportOptions): void;
  reportVideo(evidence: Blob | undefined): void;
  onOpenEffects(): void;
}

export function CallView({ phase, call, chat, self, keys, runAction, reportNow, ...props }: CallViewProps) {
  return (
    <CallStage
      phase={phase}
      pairId={call.state.pairId}
      localStream={props.localStream}
      remoteStream={call.remoteStream}
      roundTripMs={call.roundTripMs}
      partnerMedia={props.partnerMedia}
      self={self}
      filterIncomingVideo={props.filterIncomingVideo}
      onReportVideo={props.reportVideo}
      onSkip={() => runAction('call.skip')}
      controls={
        <SafetyPanel
          inCall={phase !== 'searching'}
          microphoneMuted={self.microphoneMuted}
          cameraOff={self.cameraOff}
          keys={keys}
          onAction={runAction}
          onCancel={call.cancel}
          onStop={call.stop}
          onOpenEffects={props.onOpenEffects}
        />
      }
      aside={
        <ChatPanel
          chat={chat}
          connected={phase === 'in-call' && call.channelOpen}
          privacyGuard={props.privacyGuard}
          onReportMessage={(entry) => reportNow({ reason: reasonForFlags(entry.flags) })}
        />
      }
    />
  );
}
