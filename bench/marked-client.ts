/**
 * What the call benchmarks need of one person, whether the app (CallClient)
 * or the plain simple-peer reference page (PlainCallClient): a page that
 * leaves `camparty:*` performance marks, its call phase, and the three
 * buttons.
 */
import type { Page } from 'playwright-core';

export interface MarkedClient {
  readonly name: string;
  readonly page: Page;
  phase(): Promise<string>;
  waitForPhase(phase: string, timeout?: number): Promise<void>;
  start(): Promise<void>;
  next(): Promise<void>;
  stop(): Promise<void>;
}
