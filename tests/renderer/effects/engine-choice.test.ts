import { describe, expect, it } from 'vitest';
import { chooseEngine, isSoftwareRenderer } from '../../../src/renderer/src/effects/engine-choice';
import {
  ENGINE_PREFERENCE_KEY,
  PROBE_VERSION,
  readEnginePreference,
  writeEnginePreference,
  type EnginePreference,
  type PreferenceStorage,
} from '../../../src/renderer/src/effects/engine-preference';

describe('engine choice', () => {
  it('keeps the CPU engine unless the GPU engine is clearly faster and within budget', () => {
    expect(
      chooseEngine([
        { engine: 'litert-wasm', medianMs: 14 },
        { engine: 'mediapipe-webgl', medianMs: null },
      ]),
    ).toBe('litert-wasm');
    expect(
      chooseEngine([
        { engine: 'litert-wasm', medianMs: 14 },
        { engine: 'mediapipe-webgl', medianMs: 12 },
      ]),
    ).toBe('litert-wasm');
    expect(
      chooseEngine([
        { engine: 'litert-wasm', medianMs: 14 },
        { engine: 'mediapipe-webgl', medianMs: 5 },
      ]),
    ).toBe('mediapipe-webgl');
    expect(
      chooseEngine([
        { engine: 'litert-wasm', medianMs: null },
        { engine: 'mediapipe-webgl', medianMs: 20 },
      ]),
    ).toBe('mediapipe-webgl');
    expect(
      chooseEngine([
        { engine: 'litert-wasm', medianMs: null },
        { engine: 'mediapipe-webgl', medianMs: 250 },
      ]),
    ).toBe('litert-wasm');
    expect(chooseEngine([])).toBe('litert-wasm');
  });

  it('recognises software GL renderers', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
  });
});

describe('engine preference', () => {
  const memory = (): PreferenceStorage & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
  };
  const preference: EnginePreference = {
    version: PROBE_VERSION,
    engine: 'litert-wasm',
    userAgent: 'Chrome/156',
    measurements: [{ engine: 'litert-wasm', medianMs: 14.2 }],
    probedAt: '2025-01-01T00:00:00.000Z',
  };

  it('remembers the choice for the same browser version only', () => {
    const storage = memory();
    writeEnginePreference(storage, preference);
    expect(readEnginePreference(storage, 'Chrome/156')).toEqual(preference);
    expect(readEnginePreference(storage, 'Chrome/157')).toBeNull();
  });

  it('ignores unreadable or outdated entries', () => {
    const storage = memory();
    storage.setItem(ENGINE_PREFERENCE_KEY, '{not json');
    expect(readEnginePreference(storage, 'Chrome/156')).toBeNull();
    storage.setItem(ENGINE_PREFERENCE_KEY, JSON.stringify({ ...preference, version: PROBE_VERSION + 1 }));
    expect(readEnginePreference(storage, 'Chrome/156')).toBeNull();
    storage.setItem(ENGINE_PREFERENCE_KEY, JSON.stringify({ ...preference, engine: 'quantum' }));
    expect(readEnginePreference(storage, 'Chrome/156')).toBeNull();
  });
});
