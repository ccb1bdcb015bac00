/**
 * Runs one bridge call: checks who sent it, validates the input against the
 * contract, calls the handler and validates its result. Every outcome is a
 * reply, never a throw: a refused call says why in words for people, a
 * handler that fails gives the page a general sentence and the diagnostic
 * log the detail. Electron's ipcMain and the end-to-end harness both reach
 * this through register-bridge.ts, so the tests take the path the app takes.
 */
import type { z } from 'zod';
import {
  BRIDGE_ERROR_CODES,
  bridgeContract,
  type BridgeError,
  type BridgeMethod,
  type BridgeInput,
  type BridgeReply,
  type BridgeResult,
} from '../shared/bridge-contract';
import { PersonFacingRefusal } from './person-facing-refusal';
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
  /** Why a call never reached its handler (for the diagnostic log). */
  onRejected?: (method: string, reason: string) => void;
  /** What went wrong in a handler, or in its result (for the diagnostic log; the page never sees it). */
  onFailed?: (method: string, detail: unknown) => void;
}

/** What the page shows when the app itself failed: the detail is in the diagnostic log. */
export const APP_ERROR_MESSAGE = 'Something went wrong in the app. Try again; if it keeps happening, restart Cam-Party.';
const MAX_ISSUES = 16;

function isBridgeMethod(method: string): method is BridgeMethod {
  return Object.hasOwn(bridgeContract, method);
}

const failure = (error: BridgeError): BridgeReply<never> => ({ ok: false, error });

function inputIssues(error: z.ZodError): NonNullable<BridgeError['issues']> {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 128),
    message: issue.message.slice(0, 256),
  }));
}

export async function dispatchBridgeCall(call: BridgeCall, options: DispatchOptions): Promise<BridgeReply<unknown>> {
  const method = typeof call.method === 'string' ? call.method : String(call.method);
  const refuse = (reason: string, error: BridgeError): BridgeReply<never> => {
    options.onRejected?.(method.slice(0, 64), reason);
    return failure(error);
  };
  const origin = originOf(call.senderUrl);
  if (origin === null || !options.trustedOrigins.some((trusted) => originOf(trusted) === origin)) {
    return refuse(`sender ${origin ?? 'without an origin'} is not the app's page`, {
      code: BRIDGE_ERROR_CODES.refused,
      message: "Cam-Party refused this request: it did not come from the app's own page.",
    });
  }
  if (!isBridgeMethod(method)) {
    return refuse('unknown method', {
      code: BRIDGE_ERROR_CODES.refused,
      message: 'Cam-Party refused this request: the app has no such action.',
    });
  }
  const contract = bridgeContract[method];
  const input = contract.input.safeParse(call.input);
  if (!input.success) {
    const issues = inputIssues(input.error);
    const first = issues[0]?.message ?? 'it is not in the expected shape';
    return refuse(`bad input (${first})`, {
      code: BRIDGE_ERROR_CODES.refused,
      message: `Cam-Party refused this request: ${first}.`,
      issues,
    });
  }
  const handler = options.handlers[method] as (input: unknown) => unknown;
  let value: unknown;
  try {
    value = await handler(input.data);
  } catch (error) {
    if (error instanceof PersonFacingRefusal) return failure({ code: error.code, message: error.message });
    options.onFailed?.(method, error);
    return failure({ code: BRIDGE_ERROR_CODES.failed, message: APP_ERROR_MESSAGE });
  }
  const result = contract.result.safeParse(value);
  if (!result.success) {
    options.onFailed?.(method, `the result did not match the contract (${result.error.issues[0]?.message ?? 'invalid'})`);
    return failure({ code: BRIDGE_ERROR_CODES.failed, message: APP_ERROR_MESSAGE });
  }
  // An action's result is already `{ ok, value } | { ok, error }`: it is the reply.
  if ('action' in contract) return result.data as BridgeReply<unknown>;
  return { ok: true, value: result.data };
}
