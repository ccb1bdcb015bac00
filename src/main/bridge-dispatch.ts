/**
 * Runs one bridge call: checks who sent it, validates the input against the
 * contract, calls the handler and validates its result. Electron's ipcMain
 * and the end-to-end harness both call this, so the tests exercise the same
 * path the app takes.
 */
import { bridgeContract, type BridgeMethod, type BridgeInput, type BridgeReply, type BridgeResult } from '../shared/bridge-contract';
import { originOf } from './url-origin';

export type BridgeHandlers = {
  [M in BridgeMethod]: (input: BridgeInput<M>) => Promise<BridgeResult<M>> | BridgeResult<M>;
};

export interface BridgeCall {
  method: string;
  input: unknown;
  /** URL of the frame that sent the call. */
  senderUrl: string;
}

export interface DispatchOptions {
  handlers: BridgeHandlers;
  /** Only frames whose origin is in this list may call the bridge. */
  trustedOrigins: readonly string[];
  onRejected?: (method: string, reason: string) => void;
}

function isBridgeMethod(method: string): method is BridgeMethod {
  return Object.hasOwn(bridgeContract, method);
}

export async function dispatchBridgeCall(call: BridgeCall, options: DispatchOptions): Promise<BridgeReply<unknown>> {
  const reject = (reason: string): BridgeReply<unknown> => {
    options.onRejected?.(call.method, reason);
    return { ok: false, error: reason };
  };
  const origin = originOf(call.senderUrl);
  if (origin === null || !options.trustedOrigins.some((trusted) => originOf(trusted) === origin)) {
    return reject(`Bridge call refused: the sender is not the app's own page.`);
  }
  if (typeof call.method !== 'string' || !isBridgeMethod(call.method)) {
    return reject(`Bridge call refused: unknown method "${String(call.method).slice(0, 64)}".`);
  }
  const contract = bridgeContract[call.method];
  const input = contract.input.safeParse(call.input);
  if (!input.success) {
    return reject(`Bridge call ${call.method} refused: bad input (${input.error.issues[0]?.message ?? 'invalid'}).`);
  }
  const handler = options.handlers[call.method] as (input: unknown) => unknown;
  let value: unknown;
  try {
    value = await handler(input.data);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const result = contract.result.safeParse(value);
  if (!result.success) {
    return { ok: false, error: `Bridge call ${call.method} failed: the result did not match the contract.` };
  }
  return { ok: true, value: result.data };
}
