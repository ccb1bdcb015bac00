/**
 * Sends one main → renderer event: the payload is checked against the
 * contract first, so a page only ever receives what the contract says.
 * Electron's webContents and the end-to-end harness are both targets.
 */
import { bridgeEventChannel, bridgeEvents, type BridgeEvent, type BridgeEventPayload } from '../shared/bridge-contract';

export interface BridgeEventTarget {
  send(channel: string, payload: unknown): void | Promise<void>;
}

export function sendBridgeEvent<E extends BridgeEvent>(
  target: BridgeEventTarget,
  event: E,
  payload: BridgeEventPayload<E>,
): void | Promise<void> {
  const parsed = bridgeEvents[event].payload.safeParse(payload);
  if (!parsed.success) {
    throw new Error(`Bridge event ${event} not sent: bad payload (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  }
  return target.send(bridgeEventChannel(event), parsed.data);
}
