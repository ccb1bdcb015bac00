import { Dialog } from '../Dialog';
import { SHORTCUT_ACTIONS, type ShortcutAction } from '../../../shared/bridge-contract';
import { ShortcutCells } from './ShortcutCells';
import '../forms.css';
import './shortcut-table.css';

interface ShortcutOverlayProps {
  keys: Record<ShortcutAction, string[]>;
  onClose(): void;
}

/** Every shortcut at a glance ("?" opens it, Escape or "?" closes it). */
export function ShortcutOverlay({ keys, onClose }: ShortcutOverlayProps) {
  return (
    <Dialog title="Keyboard shortcuts" closeLabel="Close keyboard shortcuts" closeKeys={['?']} onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUT_ACTIONS.filter((action) => keys[action].length > 0).map((action) => (
            <tr key={action}>
              <ShortcutCells action={action} keys={keys[action]} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-field__hint">Keys work whenever you are not typing in a field. Change them in Settings.</p>
    </Dialog>
  );
}
