import { describeAction, keyLabel } from '../../../shared/call-keys';
import type { ShortcutAction } from '../../../shared/bridge-contract';

/** The first cells of a shortcut-table row: what the action does, and its keys. */
export function ShortcutCells({ action, keys }: { action: ShortcutAction; keys: readonly string[] }) {
  return (
    <>
      <td>{describeAction(action)}</td>
      <td>
        {keys.map((key) => (
          <kbd key={key}>{keyLabel(key)}</kbd>
        ))}
      </td>
    </>
  );
}
