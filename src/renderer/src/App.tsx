import { AccountScreen } from './account/AccountScreen';
import { useAccount } from './account/use-account';
import { CallScreen } from './call/CallScreen';
import { TopBar } from './TopBar';

export function App() {
  const account = useAccount();
  const { state } = account;
  return (
    <div className="app">
      {state === null ? (
        <>
          <TopBar />
          <main className="splash" aria-busy="true" aria-label="Starting Cam-Party" />
        </>
      ) : state.status === 'signed-out' ? (
        <>
          <TopBar />
          <AccountScreen onSignedIn={account.reload} sessionError={account.error} />
        </>
      ) : (
        <CallScreen account={state} onAccountChanged={account.reload} />
      )}
    </div>
  );
}
