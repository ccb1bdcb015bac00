/**
 * Settings on disk: validated on every read (a damaged or older file falls
 * back field by field to the defaults) and on every change.
 */
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../shared/settings';
import { createListeners } from '../shared/listeners';
import type { KeyValueStore } from './credential-vault-store';

const KEY = 'settings';

export class SettingsStore {
  private readonly listeners = createListeners<[settings: Settings, previous: Settings]>();

  constructor(private readonly store: KeyValueStore) {}

  read(): Settings {
    const stored: unknown = this.store.get(KEY);
    const parsed = settingsSchema.safeParse(stored ?? {});
    if (parsed.success) return parsed.data;
    // Keep each field that is still valid; default the rest.
    const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (settingsPatchSchema.safeParse({ [name]: value }).success) kept[name] = value;
    }
    return { ...DEFAULT_SETTINGS, ...settingsPatchSchema.parse(kept) };
  }

  update(patch: SettingsPatch): Settings {
    const checked = settingsPatchSchema.parse(patch);
    const previous = this.read();
    const next = settingsSchema.parse({ ...previous, ...checked });
    this.store.set(KEY, next);
    this.listeners.notify(next, previous);
    return next;
  }

  onChange(listener: (settings: Settings, previous: Settings) => void): () => void {
    return this.listeners.add(listener);
  }
}
