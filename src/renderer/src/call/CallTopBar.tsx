import type { AccountState } from '../../../shared/account-state';
import { TopBar } from '../TopBar';
import type { ServerStatus } from './call-controller';
import '../top-bar.css';

const STATUS_TEXT = { connecting: 'Connecting', online: 'Online', offline: 'Offline' } as const;

interface CallTopBarProps {
  account: Extract<AccountState, { status: 'signed-in' }>;
  serverStatus: ServerStatus;
  onOpenSettings(): void;
  onOpenAccount(): void;
}

/** The top bar once signed in: the server's status, Settings, and the account. */
export function CallTopBar({ account, serverStatus, onOpenSettings, onOpenAccount }: CallTopBarProps) {
  return (
    <TopBar>
      <span className={`status status--${serverStatus}`} role="status" aria-label={`Server: ${STATUS_TEXT[serverStatus]}`}>
        {STATUS_TEXT[serverStatus]}
      </span>
      <button type="button" className="account-button" onClick={onOpenSettings}>
        Settings
      </button>
      <button type="button" className="account-button" aria-label={`Account: ${account.account.username}`} onClick={onOpenAccount}>
        {account.account.username}
      </button>
    </TopBar>
  );
}
