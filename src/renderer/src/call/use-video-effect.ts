/** The background effect of this session: the one chosen now, else the one kept in settings. */
import { useCallback, useState } from 'react';
import type { StoredVideoEffect } from '../../../shared/video-effect';
import { DEFAULT_BLUR, isStorable, readStoredEffect, type Effect } from '../effects/effect-model';
import type { SettingsHandle } from '../settings/use-settings';

export function useVideoEffect(settingsHandle: SettingsHandle): { effect: Effect; chooseEffect(next: Effect): void } {
  const { settings, update } = settingsHandle;
  const [chosenEffect, setChosenEffect] = useState<Effect | null>(null);
  // "Always start with blur" wins over the stored choice until the person chooses.
  const effect = chosenEffect ?? (settings.alwaysStartWithBlur ? DEFAULT_BLUR : readStoredEffect(settings.videoEffect));
  const chooseEffect = useCallback(
    (next: Effect) => {
      setChosenEffect(next);
      // update() never rejects: a failed save shows on the settings' error.
      if (isStorable(next)) void update({ videoEffect: next as StoredVideoEffect });
    },
    [update],
  );
  return { effect, chooseEffect };
}
