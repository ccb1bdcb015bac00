/** Waiting for a condition in a call test: whoever changes what the test watches calls `changed()`. */
export class Conditions {
  private readonly waiters = new Set<() => void>();

  changed(): void {
    for (const check of [...this.waiters]) check();
  }

  /** Resolves once `predicate` holds (now or after a later change); the test's own timeout bounds the wait. */
  until(predicate: () => boolean): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (!predicate()) return;
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }
}
