/**
 * A set of listeners for one kind of event: `add` returns the function that
 * removes the listener again, `notify` calls each in the order they were
 * added. With `onError`, a listener that throws is reported there and the
 * others still hear the event; without it, the error reaches the notifier.
 */
export interface Listeners<Args extends unknown[]> {
  add(listener: (...args: Args) => void): () => void;
  notify(...args: Args): void;
}

export function createListeners<Args extends unknown[]>(onError?: (error: unknown) => void): Listeners<Args> {
  const listeners = new Set<(...args: Args) => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    notify(...args) {
      for (const listener of [...listeners]) {
        if (!onError) {
          listener(...args);
          continue;
        }
        try {
          listener(...args);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}

/** For `onError`: the message of whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
