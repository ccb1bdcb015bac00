import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { blockedAccountSchema } from '../../../shared/moderation-api';
import { desktopBridge } from '../bridge';

type BlockedAccount = z.infer<typeof blockedAccountSchema>;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The people this account has blocked: never paired with them again, unless unblocked here. */
export function BlockedSection() {
  const [blocked, setBlocked] = useState<BlockedAccount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void desktopBridge()
      .listBlocks()
      .then((result) => (result.ok ? setBlocked(result.value.blocks) : setError(result.error.message)));
  }, []);
  useEffect(reload, [reload]);

  const unblock = async (accountId: string): Promise<void> => {
    const result = await desktopBridge().unblockAccount({ accountId });
    if (!result.ok) return setError(result.error.message);
    reload();
  };

  return (
    <section className="dialog__section" aria-labelledby="blocked-title">
      <h3 id="blocked-title">Blocked people</h3>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
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
                onClick={() => void unblock(account.accountId)}
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
