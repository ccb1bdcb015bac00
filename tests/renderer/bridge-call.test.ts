/**
 * callBridge: every wait ends in a reply the screen can show, whether the
 * bridge answers, never answers (timeout), is cancelled, rejects or is missing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_ERROR_CODES, type CamPartyBridge } from '../../src/shared/bridge-contract';
import { CANCELLED_CODE, callBridge } from '../../src/renderer/src/bridge';

const signedOut = { ok: true as const, value: { status: 'signed-out' as const } };

function installBridge(getAccountState: () => Promise<unknown>): void {
  vi.stubGlobal('window', { camParty: { getAccountState } as unknown as CamPartyBridge });
}

describe('callBridge', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('passes the reply through', async () => {
    installBridge(() => Promise.resolve(signedOut));
    await expect(callBridge('getAccountState')).resolves.toEqual(signedOut);
  });

  it('answers "timeout" with a sentence when the reply does not come in time', async () => {
    installBridge(() => new Promise(() => {}));
    const reply = callBridge('getAccountState', undefined, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    const result = await reply;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(BRIDGE_ERROR_CODES.timeout);
      expect(result.error.message).toMatch(/Try again/);
    }
  });

  it('answers "cancelled" at once when its signal aborts', async () => {
    installBridge(() => new Promise(() => {}));
    const controller = new AbortController();
    const reply = callBridge('getAccountState', undefined, { signal: controller.signal });
    controller.abort();
    await expect(reply).resolves.toMatchObject({ ok: false, error: { code: CANCELLED_CODE } });
  });

  it('turns a rejecting or missing bridge into "app-unreachable", never a throw', async () => {
    installBridge(() => Promise.reject(new Error('IPC broke')));
    await expect(callBridge('getAccountState')).resolves.toMatchObject({ ok: false, error: { code: BRIDGE_ERROR_CODES.unreachable } });
    vi.stubGlobal('window', {});
    await expect(callBridge('getAccountState')).resolves.toMatchObject({ ok: false, error: { code: BRIDGE_ERROR_CODES.unreachable } });
  });
});
