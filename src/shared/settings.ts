/**
 * The person's settings, kept by the main process and changed through the
 * bridge. Every field has a default, so an old or damaged settings file
 * never stops the app.
 */
import { z } from 'zod';
import { callKeyBindingsSchema } from './call-keys';
import { chatLogRetention, DEFAULT_CHAT_LOG_RETENTION } from './chat-log';
import { storedVideoEffectSchema } from './video-effect';

export const settingsSchema = z.strictObject({
  /** How long conversations are kept on this device. */
  chatLogRetention: chatLogRetention.default(DEFAULT_CHAT_LOG_RETENTION),
  /** Ask "Send anyway?" before a message that gives away contact details. */
  outgoingPrivacyGuard: z.boolean().default(true),
  /** The background effect chosen last (a picture from disk is not kept). */
  videoEffect: storedVideoEffectSchema.default({ kind: 'none' }),
  /** Start every session with the background blurred, whatever was chosen last. */
  alwaysStartWithBlur: z.boolean().default(false),
  /** Keep the stranger's video blurred until the on-device filter has seen it is safe. */
  filterIncomingVideo: z.boolean().default(true),
  /** The person's changes to the single-key call shortcuts (the rest keep their defaults). */
  callKeys: callKeyBindingsSchema.default({}),
  /** Look for a new version at start and every few hours (installing always waits for the person). */
  checkForUpdatesAutomatically: z.boolean().default(true),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
