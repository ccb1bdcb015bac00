/**
 * A ref that always holds the latest value, for listeners that live longer
 * than one render. It is updated in a layout effect, before the browser can
 * deliver the next event: a key pressed right after a render sees that
 * render's values, never the one before.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
