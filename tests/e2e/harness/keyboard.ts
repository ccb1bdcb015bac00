/**
 * Driving the app as a keyboard-only person: move focus with Tab until it
 * reaches a control (as a person would, never by calling focus()), and
 * prove afterwards that no pointer event ever reached the page.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from 'playwright-core';

/** Counts every pointer and mouse event the page sees, from its first script on. */
export const POINTER_EVENT_RECORDER = `{
  const seen = [];
  Object.defineProperty(window, '__pointerEvents', { value: seen });
  for (const type of ['pointerdown', 'pointerup', 'pointermove', 'mousedown', 'mouseup', 'mousemove', 'wheel', 'contextmenu']) {
    window.addEventListener(type, (event) => seen.push(type + ' on ' + (event.target && event.target.tagName)), { capture: true });
  }
}`;

export async function pointerEventsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __pointerEvents: string[] }).__pointerEvents);
}

const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((element) => element === document.activeElement).catch(() => false);

/**
 * Presses Tab (or Shift+Tab) until `target` has focus; fails if it is not reached within
 * `maxPresses`, which is how a keyboard trap or an unreachable control shows.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, maxPresses = 60 } = {}): Promise<void> {
  await expect(target, 'the control to reach is on screen').toBeVisible();
  for (let presses = 0; presses < maxPresses && !(await isFocused(target)); presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  expect(await isFocused(target), `Tab reaches ${target.toString()} within ${maxPresses} presses`).toBe(true);
}
