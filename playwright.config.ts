import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  // Each test runs two or three WebRTC clients; on two cores they get the machine to themselves.
  workers: 1,
  fullyParallel: false,
  // Timeouts only bound a hang: no wait in a test assumes how fast the machine is, and a busy
  // machine (two cores shared with a build) takes several times longer than an idle one.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
});
