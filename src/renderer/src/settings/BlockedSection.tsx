import type { z } from 'zod';
import type { blockedAccountSchema } from '../../../shared/moderation-api';
import { ActionError } from '../ActionButton';
import { callBridge } from '../bridge';
import { useBridgeAction } from '../use-bridge-action';
import { useBridgeRead } from '../use-bridge-read';
import '../buttons.css';
import '../forms.css';
import '../dialog.css';
import './settings.css';

type BlockedAccount = z.infer<typeof blockedAccountSchema>;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const listBlocks = (signal: AbortSignal) => callBridge('listBlocks', undefined, { signal });

/** The people this account has blocked: never paired with them again, unless unblocked here. */
export function BlockedSection() {
  const list = useBridgeRead(listBlocks);
  const blocked: BlockedAccount[] | null = list.value?.blocks ?? null;
  const unblocking = useBridgeAction();

  const unblock = (accountId: string): void => {
    void unblocking.run(async (signal) => {
      const reply = await callBridge('unblockAccount', { accountId }, { signal });
      if (reply.ok) list.reload();
      return reply;
    });
  };

  return (
    <section className="dialog__section" aria-labelledby="blocked-title" aria-busy={unblocking.busy || undefined}>
      <h3 id="blocked-title">Blocked people</h3>
      <ActionError error={unblocking.error ?? list.error} />
      {list.error && !blocked && (
        <button type="button" className="button button--secondary button--small" onClick={list.reload}>
          Try again
        </button>
      )}
      {blocked?.length === 0 && <p className="form-field__hint">You have not blocked anyone.</p>}
      {blocked && blocked.length > 0 && (
        <ul className="history-list" aria-label="Blocked people">
          {blocked.map((account) => (
            <li key={account.accountId}>
              <span>
                {account.username} · blocked {dateFormat.format(account.blockedAt)}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`Unblock ${account.username}`}
                onClick={() => unblock(account.accountId)}
              >
                Unblock
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
