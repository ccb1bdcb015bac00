/** The person's settings from the main process, and a way to change them. */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/settings';
import { desktopBridge } from '../bridge';

export interface SettingsHandle {
  settings: Settings;
  /** False until the main process has answered (until then `settings` are the defaults). */
  loaded: boolean;
  update(patch: SettingsPatch): Promise<void>;
}

export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    desktopBridge()
      .getSettings()
      .then((stored) => {
        setSettings(stored);
        setLoaded(true);
      })
      .catch((error: unknown) => console.warn('Settings could not be read:', error));
  }, []);
  const update = useCallback(async (patch: SettingsPatch) => {
    setSettings(await desktopBridge().updateSettings(patch));
  }, []);
  return { settings, loaded, update };
}
