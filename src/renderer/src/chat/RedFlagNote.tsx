import type { RedFlag } from '../../../shared/red-flags';
import '../buttons.css';
import './chat.css';

interface RedFlagNoteProps {
  flags: RedFlag[];
  onReport?: () => void;
}

/** A calm warning under a stranger's message, with the safety guide's matching tip. */
export function RedFlagNote({ flags, onReport }: RedFlagNoteProps) {
  if (flags.length === 0) return null;
  return (
    <div className="red-flag" role="note" aria-label="Safety tip">
      {flags.map((flag) => (
        <p key={flag.category}>
          <strong>{flag.label}.</strong> {flag.tip}
        </p>
      ))}
      {onReport && (
        <button type="button" className="button button--secondary button--small" onClick={onReport}>
          Report this message
        </button>
      )}
    </div>
  );
}
