/**
 * The desktop bridge the preload exposes, and the one way the page calls
 * it: `callBridge` always resolves to a reply the screen can show. A reply
 * that does not come in time, a cancelled wait or a bridge that is missing
 * or broken all become `{ ok: false, error }`, never a rejection.
 */
import {
  BRIDGE_ERROR_CODES,
  type BridgeError,
  type BridgeInput,
  type BridgeMethod,
  type BridgeReply,
  type BridgeValue,
  type CamPartyBridge,
} from '../../shared/bridge-contract';

declare global {
  interface Window {
    camParty?: CamPartyBridge;
  }
}

/** Longer than main's own server timeout (10 s) plus a token refresh, so main's more precise reason usually wins. */
export const BRIDGE_TIMEOUT_MS = 25_000;

/** The person (or the screen going away) stopped the wait: nothing to show. */
export const CANCELLED_CODE = 'cancelled';

export interface BridgeCallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

type CallArgs<M extends BridgeMethod> =
  BridgeInput<M> extends undefined
    ? [input?: undefined, options?: BridgeCallOptions]
    : [input: BridgeInput<M>, options?: BridgeCallOptions];

const failure = (code: string, message: string): { ok: false; error: BridgeError } => ({ ok: false, error: { code, message } });

const MISSING = failure(BRIDGE_ERROR_CODES.unreachable, 'Cam-Party is not running this page: open it in the app.');
const UNREACHABLE = failure(BRIDGE_ERROR_CODES.unreachable, 'Cam-Party did not answer. Try again; if it keeps happening, restart the app.');
const TIMED_OUT = failure(BRIDGE_ERROR_CODES.timeout, 'This is taking too long, so Cam-Party stopped waiting. Try again in a moment.');
const CANCELLED = failure(CANCELLED_CODE, 'Cancelled.');

/** What the screen shows when the page itself failed (a bug): still a sentence, never a stuck screen. */
export const APP_BROKEN: BridgeError = {
  code: BRIDGE_ERROR_CODES.failed,
  message: 'Something went wrong in the app. Try again; if it keeps happening, restart Cam-Party.',
};

export const isCancelled = (error: BridgeError | null): boolean => error?.code === CANCELLED_CODE;

/** The bridge object itself, for event subscriptions; null outside the app. */
export function desktopBridge(): CamPartyBridge | null {
  return window.camParty ?? null;
}

/** Calls one bridge method; resolves to its reply, or to a failure when it takes longer than the timeout or is cancelled. */
export function callBridge<M extends BridgeMethod>(method: M, ...[input, options = {}]: CallArgs<M>): Promise<BridgeReply<BridgeValue<M>>> {
  type Reply = BridgeReply<BridgeValue<M>>;
  const bridge = window.camParty;
  if (!bridge) return Promise.resolve(MISSING);
  if (options.signal?.aborted) return Promise.resolve(CANCELLED);
  return new Promise<Reply>((resolve) => {
    const timer = setTimeout(() => finish(TIMED_OUT), options.timeoutMs ?? BRIDGE_TIMEOUT_MS);
    const onAbort = (): void => finish(CANCELLED);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    function finish(reply: Reply): void {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(reply);
    }
    try {
      const call = bridge[method] as (input: unknown) => Promise<Reply>;
      call(input).then(
        (reply) => finish(reply),
        () => finish(UNREACHABLE),
      );
    } catch {
      finish(UNREACHABLE);
    }
  });
}
