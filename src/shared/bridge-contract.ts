/**
 * The bridge between the renderer and the main process: every method the
 * preload exposes, with the schema of its input and of its result, and
 * every event main sends to the page, with the schema of its payload. Main
 * validates every call and every event against it, the preload exposes
 * exactly these names, and the renderer takes its types from here.
 */
import { z } from 'zod';
import {
  accessTokenSchema,
  deleteAccountRequestSchema,
  deleteAccountResponseSchema,
  signInRequestSchema,
  signUpRequestSchema,
  totpConfirmRequestSchema,
  totpConfirmResponseSchema,
  totpEnrolResponseSchema,
} from './accounts-api';
import { accountActionResult, accountStateSchema } from './account-state';
import type { BridgeEvent, BridgeMethod, BridgeReply } from './bridge-channels';
import {
  blockListResponseSchema,
  blockRequestSchema,
  blockResponseSchema,
  fileReportRequestSchema,
  reportDetailsRequestSchema,
  reportDetailsResponseSchema,
  reportIdSchema,
  reportReceiptSchema,
  unblockRequestSchema,
  unblockResponseSchema,
} from './moderation-api';
import { chatLogConversation, chatLogMessage, chatLogSummary, conversationId } from './chat-log';
import { settingsPatchSchema, settingsSchema } from './settings';
import { shortcutActionSchema } from './shortcut-actions';
import { usernameWarningSchema } from './username-guidance';

export {
  BRIDGE_EVENT_NAMES,
  BRIDGE_GLOBAL,
  BRIDGE_METHOD_NAMES,
  bridgeChannel,
  bridgeEventChannel,
  type BridgeEvent,
  type BridgeMethod,
  type BridgeReply,
  type BridgeError,
  BRIDGE_ERROR_CODES,
} from './bridge-channels';

const noInput = z.undefined();

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const serverConfigSchema = z.strictObject({
  /** WebSocket URL of the matchmaking and signaling server. */
  url: z.string().regex(/^wss?:\/\//),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

// ── Operating-system camera and microphone access ────────────────────────

export const MEDIA_KINDS = ['camera', 'microphone'] as const;
export const mediaKindSchema = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof mediaKindSchema>;

/**
 * What the operating system says about this app's access to one device.
 * The first five are macOS's and Windows' own answers; "not-applicable"
 * means the system has no per-app switch (Linux), so only the app's own
 * permission prompt decides.
 */
export const osMediaAccessStatusSchema = z.enum(['granted', 'denied', 'restricted', 'not-determined', 'unknown', 'not-applicable']);
export type OsMediaAccessStatus = z.infer<typeof osMediaAccessStatusSchema>;

const mediaKindAccessSchema = z.strictObject({
  status: osMediaAccessStatusSchema,
  /** The system has a settings page for this device that the app can open. */
  settingsAvailable: z.boolean(),
});

export const mediaAccessReportSchema = z.strictObject({
  camera: mediaKindAccessSchema,
  microphone: mediaKindAccessSchema,
});
export type MediaAccessReport = z.infer<typeof mediaAccessReportSchema>;

// ── Keyboard shortcuts ───────────────────────────────────────────────────

export { SHORTCUT_ACTIONS, shortcutActionSchema, type ShortcutAction } from './shortcut-actions';

export const shortcutSchema = z.strictObject({
  action: shortcutActionSchema,
  /** Menu label, e.g. "Mute or unmute microphone". */
  label: z.string(),
  /** Electron accelerator, e.g. "CmdOrCtrl+Shift+M". */
  accelerator: z.string(),
  /** May also be registered system-wide, when the person turns that on. */
  systemWideCapable: z.boolean(),
  /** Currently registered system-wide (another app may hold the same keys). */
  systemWideActive: z.boolean(),
});
export type Shortcut = z.infer<typeof shortcutSchema>;

export const shortcutListSchema = z.strictObject({
  shortcuts: z.array(shortcutSchema),
  /** The person turned system-wide shortcuts on. Off unless they do. */
  systemWide: z.boolean(),
  /** This host can register shortcuts system-wide at all. */
  systemWideAvailable: z.boolean(),
});
export type ShortcutList = z.infer<typeof shortcutListSchema>;

export const shortcutEventSchema = z.strictObject({ action: shortcutActionSchema });

// ── The contract ─────────────────────────────────────────────────────────

export const bridgeContract = {
  getAppInfo: { input: noInput, result: appInfoSchema },
  getServerConfig: { input: noInput, result: serverConfigSchema },
  /** Reads the OS-level camera and microphone access without asking. */
  getMediaAccess: { input: noInput, result: mediaAccessReportSchema },
  /** Asks the OS for access where it has not been decided yet (macOS), then reads it. */
  requestMediaAccess: { input: noInput, result: mediaAccessReportSchema },
  /** Opens the system settings page for one device; only fixed, allow-listed pages. */
  openMediaAccessSettings: {
    input: z.strictObject({ kind: mediaKindSchema }),
    result: z.strictObject({ opened: z.boolean() }),
  },
  getShortcuts: { input: noInput, result: shortcutListSchema },
  /** Rebinds one action; refused when the keys are invalid or taken by another action. */
  setShortcut: {
    input: z.strictObject({ action: shortcutActionSchema, accelerator: z.string().min(1).max(64) }),
    result: shortcutListSchema,
  },
  setSystemWideShortcuts: { input: z.strictObject({ enabled: z.boolean() }), result: shortcutListSchema },

  // Accounts: main keeps the tokens; the renderer sees the account and short-lived socket access only.
  getAccountState: { input: noInput, result: accountStateSchema },
  signUp: {
    input: signUpRequestSchema,
    action: true,
    result: accountActionResult(z.strictObject({ usernameWarnings: z.array(usernameWarningSchema) })),
  },
  signIn: {
    input: signInRequestSchema,
    action: true,
    result: accountActionResult(z.strictObject({ recoveryCodesLeft: z.number().int().optional() })),
  },
  signOut: { input: noInput, result: accountStateSchema },
  startTwoFactor: { input: noInput, action: true, result: accountActionResult(totpEnrolResponseSchema) },
  confirmTwoFactor: { input: totpConfirmRequestSchema, action: true, result: accountActionResult(totpConfirmResponseSchema) },
  deleteAccount: { input: deleteAccountRequestSchema, action: true, result: accountActionResult(deleteAccountResponseSchema) },
  /** Where the matchmaking socket is, and a token valid for about ten minutes to open it. */
  getSocketAccess: {
    /** fresh: the last token was refused; get a new one even if the old has not expired. */
    input: z.strictObject({ fresh: z.boolean() }),
    action: true,
    result: accountActionResult(z.strictObject({ url: serverConfigSchema.shape.url, accessToken: accessTokenSchema })),
  },

  getSettings: { input: noInput, result: settingsSchema },
  updateSettings: { input: settingsPatchSchema, result: settingsSchema },

  // The local chat log (encrypted, on this device only, swept after the retention period).
  appendChatLog: {
    input: z.strictObject({ conversationId, partnerId: z.string().min(1).max(64), message: chatLogMessage }),
    result: z.strictObject({ kept: z.boolean() }),
  },
  listChatLogs: { input: noInput, result: z.array(chatLogSummary) },
  readChatLog: { input: z.strictObject({ conversationId }), result: chatLogConversation.nullable() },
  deleteChatLog: { input: z.strictObject({ conversationId }), result: z.strictObject({ deleted: z.literal(true) }) },
  deleteAllChatLogs: { input: noInput, result: z.strictObject({ deleted: z.literal(true) }) },
  // Safety: reports and blocks go to the server from main, so a report survives the call ending.
  fileReport: { input: fileReportRequestSchema, action: true, result: accountActionResult(reportReceiptSchema) },
  addReportDetails: {
    input: reportDetailsRequestSchema.extend({ reportId: reportIdSchema }),
    action: true,
    result: accountActionResult(reportDetailsResponseSchema),
  },
  blockPartner: { input: blockRequestSchema, action: true, result: accountActionResult(blockResponseSchema) },
  listBlocks: { input: noInput, action: true, result: accountActionResult(blockListResponseSchema) },
  unblockAccount: { input: unblockRequestSchema, action: true, result: accountActionResult(unblockResponseSchema) },
  /** A renderer error or event for the diagnostic log (redacted and size-limited in main). */
  logEvent: {
    input: z.strictObject({
      level: z.enum(['info', 'warn', 'error']),
      event: z.string().min(1).max(64),
      detail: z.string().max(500).optional(),
    }),
    result: z.strictObject({ logged: z.boolean() }),
  },
  /** A call started or ended (searching counts as started): main holds update questions until it ends. */
  setCallActive: { input: z.strictObject({ active: z.boolean() }), result: z.strictObject({ active: z.boolean() }) },
} as const satisfies Record<BridgeMethod, { input: z.ZodType; result: z.ZodType; action?: true }>;

export const bridgeEvents = {
  /** A shortcut was pressed while the app window had focus (or system-wide, if turned on). */
  onShortcut: { payload: shortcutEventSchema },
} as const satisfies Record<BridgeEvent, { payload: z.ZodType }>;

export type BridgeContract = typeof bridgeContract;
export type BridgeEvents = typeof bridgeEvents;

export type BridgeInput<M extends BridgeMethod> = z.input<BridgeContract[M]['input']>;
export type BridgeResult<M extends BridgeMethod> = z.output<BridgeContract[M]['result']>;
export type BridgeEventPayload<E extends BridgeEvent> = z.output<BridgeEvents[E]['payload']>;

/** Stops a subscription made with one of the bridge's `on…` functions. */
export type Unsubscribe = () => void;

/**
 * What the page gets back from a method: for an action (a call that can fail
 * in ways the person must be told, such as a wrong password or the server
 * being away) the value inside its `ok: true`; for anything else the result.
 */
type ActionValue<R> = R extends { ok: true; value: infer V } ? V : never;
export type BridgeValue<M extends BridgeMethod> = BridgeContract[M] extends { action: true }
  ? ActionValue<BridgeResult<M>>
  : BridgeResult<M>;

/** What the renderer sees as `window.camParty`: every method resolves, never rejects, to a reply. */
export type CamPartyBridge = {
  [M in BridgeMethod]: BridgeInput<M> extends undefined
    ? () => Promise<BridgeReply<BridgeValue<M>>>
    : (input: BridgeInput<M>) => Promise<BridgeReply<BridgeValue<M>>>;
} & {
  [E in BridgeEvent]: (listener: (payload: BridgeEventPayload<E>) => void) => Unsubscribe;
};
