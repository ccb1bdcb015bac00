import type { PrivacyConcern } from '../../../shared/privacy-guard';
import '../buttons.css';
import './chat.css';

interface SendAnywayPromptProps {
  concerns: PrivacyConcern[];
  onSend(): void;
  onEdit(): void;
}

/** Asked before a message that would give away how to reach the person outside Cam-Party. */
export function SendAnywayPrompt({ concerns, onSend, onEdit }: SendAnywayPromptProps) {
  return (
    <div className="send-anyway" role="alertdialog" aria-labelledby="send-anyway-title" aria-describedby="send-anyway-reasons">
      <p id="send-anyway-title" className="send-anyway__title">
        Send anyway?
      </p>
      <ul id="send-anyway-reasons">
        {concerns.map((concern) => (
          <li key={`${concern.kind}-${concern.found}`}>{concern.reason}</li>
        ))}
      </ul>
      <div className="send-anyway__actions">
        <button type="button" className="button button--secondary button--small" onClick={onEdit} autoFocus>
          Edit message
        </button>
        <button type="button" className="button button--danger button--small" onClick={onSend}>
          Send anyway
        </button>
      </div>
    </div>
  );
}
