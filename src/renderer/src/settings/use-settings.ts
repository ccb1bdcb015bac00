/**
 * The person's settings from the main process, and a way to change them.
 * A failure to read or to save is kept as `error`, for the screen to show;
 * the settings on screen are always the ones main holds.
 */
import { useCallback, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/settings';
import { callBridge } from '../bridge';
import { useBridgeRead } from '../use-bridge-read';

export interface SettingsError {
  message: string;
  /** The settings a failed save was about; null when reading them failed. */
  keys: Array<keyof Settings> | null;
}

export interface SettingsHandle {
  settings: Settings;
  /** False until the main process has answered (until then `settings` are the defaults). */
  loaded: boolean;
  error: SettingsError | null;
  /** Reads the settings again (after a failed read). */
  reload(): void;
  /** Resolves once main has kept the change or refused it; never rejects. */
  update(patch: SettingsPatch): Promise<void>;
}

const readSettings = (signal: AbortSignal) => callBridge('getSettings', undefined, { signal });

export function useSettings(): SettingsHandle {
  const stored = useBridgeRead(readSettings);
  // What main answered to the last change; newer than what was read.
  const [saved, setSaved] = useState<Settings | null>(null);
  const [saveError, setSaveError] = useState<SettingsError | null>(null);

  const update = useCallback(async (patch: SettingsPatch) => {
    const reply = await callBridge('updateSettings', patch);
    if (reply.ok) {
      setSaved(reply.value);
      setSaveError(null);
    } else {
      setSaveError({
        message: `That change could not be saved. ${reply.error.message}`,
        keys: Object.keys(patch) as Array<keyof Settings>,
      });
    }
  }, []);

  const readError: SettingsError | null = stored.error
    ? { message: `Your settings could not be read. ${stored.error.message}`, keys: null }
    : null;
  return {
    settings: saved ?? stored.value ?? DEFAULT_SETTINGS,
    loaded: saved !== null || stored.value !== null,
    error: saveError ?? readError,
    reload: stored.reload,
    update,
  };
}
