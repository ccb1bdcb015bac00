/** The named actions of the app's shortcuts, menu items and safety controls. */
import { z } from 'zod';

/** Named actions a shortcut can trigger; features subscribe to names, never to keys. */
export const SHORTCUT_ACTIONS = [
  'call.start',
  'call.skip',
  'call.stop',
  'call.toggle-microphone',
  'call.toggle-camera',
  'safety.report',
  'safety.block',
  'safety.panic',
  'help.show-shortcuts',
] as const;
export const shortcutActionSchema = z.enum(SHORTCUT_ACTIONS);
export type ShortcutAction = z.infer<typeof shortcutActionSchema>;
