import { ActionError } from '../ActionButton';
import type { Settings } from '../../../shared/settings';
import type { SettingsError } from './use-settings';

/** A failed save, shown in the section whose settings it was about. */
export function SettingsErrorNote({ error, keys }: { error: SettingsError | null; keys: Array<keyof Settings> }) {
  const mine = error?.keys?.some((key) => keys.includes(key)) ?? false;
  return <ActionError error={mine ? error!.message : null} />;
}
