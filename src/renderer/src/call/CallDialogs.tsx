/** The dialogs of the call screen: at most one of the panels at a time, and the report over anything. */
import type { AccountState } from '../../../shared/account-state';
import type { ShortcutAction } from '../../../shared/bridge-contract';
import { AccountPanel } from '../account/AccountPanel';
import { Dialog } from '../Dialog';
import type { Effect } from '../effects/effect-model';
import { EffectPicker } from '../effects/EffectPicker';
import { ReportDialog } from '../safety/ReportDialog';
import { ShortcutOverlay } from '../safety/ShortcutOverlay';
import type { OpenReport } from '../safety/use-reporting';
import { SettingsPanel } from '../settings/SettingsPanel';
import { SettingsErrorNote } from '../settings/SettingsErrorNote';
import type { SettingsHandle } from '../settings/use-settings';
import '../forms.css';

export type CallPanel = 'account' | 'settings' | 'shortcuts' | 'effects';

interface CallDialogsProps {
  open: CallPanel | null;
  onClose(): void;
  account: Extract<AccountState, { status: 'signed-in' }>;
  onAccountChanged(): void;
  settings: SettingsHandle;
  keys: Record<ShortcutAction, string[]>;
  effect: Effect;
  onEffectChange(effect: Effect): void;
  report: OpenReport | null;
  onCloseReport(): void;
  onBlock(pairId: string): void;
}

export function CallDialogs(props: CallDialogsProps) {
  const { open, onClose } = props;
  return (
    <>
      {open === 'effects' && (
        <Dialog title="Your background" closeLabel="Close background settings" onClose={onClose}>
          <p className="form-field__hint">Changes what the stranger sees at once. With an effect on, your raw camera is never sent.</p>
          <EffectPicker value={props.effect} onChange={props.onEffectChange} />
          <SettingsErrorNote error={props.settings.error} keys={['videoEffect']} />
        </Dialog>
      )}
      {open === 'shortcuts' && <ShortcutOverlay keys={props.keys} onClose={onClose} />}
      {open === 'settings' && <SettingsPanel settings={props.settings} onClose={onClose} />}
      {open === 'account' && <AccountPanel state={props.account} onChanged={props.onAccountChanged} onClose={onClose} />}
      {props.report && <ReportDialog report={props.report} onBlock={props.onBlock} onClose={props.onCloseReport} />}
    </>
  );
}
