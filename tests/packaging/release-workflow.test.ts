/**
 * The release workflow cannot run here, so it is read: validated against
 * SchemaStore's GitHub workflow schema (@action-validator/core, the schema
 * compiled into WebAssembly, no network), then checked to build every
 * system and every installer that electron-builder.yml lists, and to attach
 * them with the update metadata to a draft release.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const source = fs.readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | boolean | number>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string;
  strategy?: { matrix: { include: { os: string; platform: string }[] } };
  steps: Step[];
}
const workflow = yaml.load(source) as { on: { push: { tags: string[] } }; jobs: Record<string, Job> };
const builderConfig = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<
  'mac' | 'win' | 'linux',
  { target: { target: string }[] }
>;

/** The runner image for each electron-builder platform. */
const RUNNER_FOR = { mac: /^macos-/, win: /^windows-/, linux: /^ubuntu-/ } as const;
/** The file each electron-builder target writes. */
const ARTIFACT_OF: Record<string, string> = { dmg: '*.dmg', zip: '*.zip', nsis: '*.exe', AppImage: '*.AppImage', deb: '*.deb' };

const installers = workflow.jobs.installers!;
const steps = installers.steps;
const builderStep = steps.find((step) => step.run?.includes('electron-builder'))!;
const uploadStep = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
const uploadedPatterns = String(uploadStep.with!.path).trim().split('\n');

describe('.github/workflows/release.yml', () => {
  it("passes SchemaStore's GitHub workflow schema", () => {
    const result = validateWorkflow(source);
    expect(result.errors).toEqual([]);
  });

  it('catches a broken workflow (the validator is really checking)', () => {
    const broken = source.replace('runs-on: ${{ matrix.os }}', 'runs-onn: ${{ matrix.os }}');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('runs on version tags', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
  });

  it('builds on macOS, Windows and Linux runners, one electron-builder platform each', () => {
    const matrix = installers.strategy!.matrix.include;
    expect(matrix.map((entry) => entry.platform).sort()).toEqual(['linux', 'mac', 'win']);
    for (const entry of matrix) expect(entry.os).toMatch(RUNNER_FOR[entry.platform as keyof typeof RUNNER_FOR]);
    expect(installers['runs-on']).toBe('${{ matrix.os }}');
  });

  it('installs from the lockfile, builds, then packs without publishing', () => {
    const runs = steps.map((step) => step.run).filter(Boolean);
    expect(runs.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('npm run build')).toBeGreaterThan(runs.indexOf('npm ci'));
    expect(builderStep.run).toMatch(/electron-builder --\$\{\{ matrix\.platform \}\} --config electron-builder\.yml --publish never$/);
  });

  it('uploads every installer electron-builder.yml lists, with blockmaps and the update metadata', () => {
    const targets = (['mac', 'win', 'linux'] as const).flatMap((platform) => builderConfig[platform].target.map((entry) => entry.target));
    expect(targets.sort()).toEqual(['AppImage', 'deb', 'dmg', 'nsis', 'zip']);
    for (const target of targets) expect(uploadedPatterns, target).toContain(`release/*/${ARTIFACT_OF[target]}`);
    expect(uploadedPatterns).toContain('release/*/*.blockmap');
    expect(uploadedPatterns).toContain('release/*/latest*.yml');
  });

  it('signs with the usual secrets, each passed only as an environment variable', () => {
    const env = builderStep.env!;
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ]) {
      expect(env[name], name).toBe(`\${{ secrets.${name} }}`);
    }
    expect(source.match(/secrets\./g)).toHaveLength(Object.keys(env).length);
  });

  it('attaches everything to a draft release once all three systems are built', () => {
    const release = workflow.jobs['draft-release']!;
    expect(release.needs).toBe('installers');
    const publish = release.steps.find((step) => step.uses?.startsWith('softprops/action-gh-release@'))!;
    expect(publish.with).toMatchObject({ draft: true, files: 'installers/*' });
  });
});
