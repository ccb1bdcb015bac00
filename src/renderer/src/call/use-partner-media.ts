/**
 * Tells the stranger when our microphone or camera goes off (so they see
 * "Stranger muted" rather than wondering), and keeps what they tell us.
 */
import { useEffect, useState } from 'react';
import type { CallSession } from './use-call-session';

export interface PartnerMedia {
  microphone: boolean;
  camera: boolean;
}

const BOTH_ON: PartnerMedia = { microphone: true, camera: true };

export function usePartnerMedia(
  call: Pick<CallSession, 'state' | 'sendToPartner' | 'onPartnerMessage'>,
  microphoneMuted: boolean,
  cameraOff: boolean,
): PartnerMedia {
  const [partner, setPartner] = useState<{ pairId: string | null; media: PartnerMedia }>({ pairId: null, media: BOTH_ON });
  const { pairId, phase } = call.state;
  const { sendToPartner, onPartnerMessage } = call;

  useEffect(
    () =>
      onPartnerMessage((message) => {
        if (message.type === 'media-state') setPartner({ pairId, media: { microphone: message.microphone, camera: message.camera } });
      }),
    [onPartnerMessage, pairId],
  );

  // Sent on every change; a new call's data channel may open a little after its video, so retry until it does.
  useEffect(() => {
    if (phase !== 'in-call') return;
    const send = (): boolean => sendToPartner({ type: 'media-state', microphone: !microphoneMuted, camera: !cameraOff });
    if (send()) return;
    let tries = 0;
    const timer = setInterval(() => {
      tries += 1;
      if (send() || tries >= 50) clearInterval(timer);
    }, 100);
    return () => clearInterval(timer);
  }, [phase, pairId, microphoneMuted, cameraOff, sendToPartner]);

  return partner.pairId === pairId ? partner.media : BOTH_ON;
}
