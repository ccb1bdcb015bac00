/**
 * When to look for an update and when to ask the person about one: plain
 * decisions, without Electron or a clock of their own.
 */

/** A new version is looked for at start, then every six hours. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** How often the schedule looks at the clock (a computer that slept catches up within this). */
export const UPDATE_SCHEDULE_TICK_MS = 10 * 60 * 1000;

/**
 * electron-updater's options, set before every check: nothing is
 * downloaded before a check says there is a newer version, nothing is
 * installed on quit before the person agrees, and an older version is
 * never offered (setting a channel would turn downgrades on: they are
 * turned off again each time).
 */
export const SAFE_UPDATER_OPTIONS = {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  allowDowngrade: false,
  allowPrerelease: false,
} as const;

export interface CheckConditions {
  /** The person's "Check for updates automatically" setting. */
  enabled: boolean;
  /** A call is on (or being set up): a download would take its bandwidth. */
  callActive: boolean;
  /** A check or its download is already running. */
  checking: boolean;
  /** The person agreed to install a version on quit: nothing more is fetched until then. */
  installPending: boolean;
  lastCheckAt: number | null;
  now: number;
}

export function isCheckDue(conditions: CheckConditions): boolean {
  if (!conditions.enabled || conditions.callActive || conditions.checking || conditions.installPending) return false;
  const { lastCheckAt, now } = conditions;
  // A clock set back counts as due: the interval cannot be measured any more.
  return lastCheckAt === null || now < lastCheckAt || now - lastCheckAt >= UPDATE_CHECK_INTERVAL_MS;
}

export interface AskConditions {
  /** The version downloaded and checked, ready to install; null when there is none. */
  readyVersion: string | null;
  /** The version the person was last asked about in this session. */
  askedVersion: string | null;
  callActive: boolean;
}

/** Ask once per version and session, and never during a call (the question waits for it to end). */
export function shouldAskToInstall(conditions: AskConditions): boolean {
  return conditions.readyVersion !== null && !conditions.callActive && conditions.askedVersion !== conditions.readyVersion;
}
