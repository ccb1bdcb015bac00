/**
 * Remembers the probe's choice, so the probe runs once per machine and
 * browser version rather than at every start. In localStorage for now;
 * the settings service can take it over with the same schema.
 */
import { z } from 'zod';
import { ENGINE_IDS } from './engines/segmentation-engine';

export const ENGINE_PREFERENCE_KEY = 'cam-party:effects-engine';
/** Bumped when the probe or the engines change enough to measure again. */
export const PROBE_VERSION = 1;

export const enginePreferenceSchema = z.object({
  version: z.literal(PROBE_VERSION),
  engine: z.enum(ENGINE_IDS),
  /** A browser update (new Electron) can change which engine is faster: probe again. */
  userAgent: z.string(),
  measurements: z.array(z.object({ engine: z.enum(ENGINE_IDS), medianMs: z.number().nullable(), note: z.string().optional() })),
  probedAt: z.string(),
});

export type EnginePreference = z.infer<typeof enginePreferenceSchema>;

export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function readEnginePreference(storage: PreferenceStorage, userAgent: string): EnginePreference | null {
  const raw = storage.getItem(ENGINE_PREFERENCE_KEY);
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const result = enginePreferenceSchema.safeParse(json);
  if (!result.success || result.data.userAgent !== userAgent) return null;
  return result.data;
}

export function writeEnginePreference(storage: PreferenceStorage, preference: EnginePreference): void {
  storage.setItem(ENGINE_PREFERENCE_KEY, JSON.stringify(enginePreferenceSchema.parse(preference)));
}
