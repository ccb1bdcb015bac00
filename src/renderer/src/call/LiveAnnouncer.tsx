/**
 * One polite live region for changes of state the person cannot see
 * happen (matched, muted, report filed). Each announcement is a new node,
 * so the same words said twice are read twice. Never fed a figure that
 * changes every few seconds.
 */
import { useCallback, useRef, useState } from 'react';

interface Announcement {
  id: number;
  text: string;
}

export function useAnnouncer(): { announcement: Announcement | null; announce(text: string): void } {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const nextId = useRef(0);
  const announce = useCallback((text: string) => setAnnouncement({ id: ++nextId.current, text }), []);
  return { announcement, announce };
}

export function LiveAnnouncer({ announcement }: { announcement: Announcement | null }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcement && <span key={announcement.id}>{announcement.text}</span>}
    </div>
  );
}
