import { useCallback, useEffect, useState } from 'react';
import type { ChatLogConversation, ChatLogRetention, ChatLogSummary } from '../../../shared/chat-log';
import { desktopBridge } from '../bridge';

const RETENTION_LABELS: Record<ChatLogRetention, string> = {
  off: "Don't keep chat logs",
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface ChatHistorySectionProps {
  retention: ChatLogRetention;
  onRetentionChange(retention: ChatLogRetention): void;
}

/** Past conversations kept on this device: to note usernames and times for a report, or to delete. */
export function ChatHistorySection({ retention, onRetentionChange }: ChatHistorySectionProps) {
  const [logs, setLogs] = useState<ChatLogSummary[]>([]);
  const [open, setOpen] = useState<ChatLogConversation | null>(null);
  const reload = useCallback(() => {
    void desktopBridge().listChatLogs().then(setLogs);
  }, []);
  useEffect(reload, [reload, retention]);

  return (
    <section className="dialog__section" aria-labelledby="chat-history-title">
      <h3 id="chat-history-title">Chat history on this computer</h3>
      <div className="field">
        <label htmlFor="retention">Keep conversations for</label>
        <select id="retention" value={retention} onChange={(event) => onRetentionChange(event.target.value as ChatLogRetention)}>
          {(Object.keys(RETENTION_LABELS) as ChatLogRetention[]).map((value) => (
            <option key={value} value={value}>
              {RETENTION_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <p className="form-field__hint">Kept encrypted, only on this computer, and deleted for good when they are older than this.</p>
      {logs.length === 0 ? (
        <p className="form-field__hint">No conversations kept.</p>
      ) : (
        <ul className="history-list" aria-label="Kept conversations">
          {logs.map((log) => (
            <li key={log.id}>
              <span>
                {dateTime.format(log.startedAt)} · {log.messageCount} message{log.messageCount === 1 ? '' : 's'}
              </span>
              <span className="history-list__actions">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void desktopBridge().readChatLog({ conversationId: log.id }).then(setOpen)}
                >
                  View
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={`Delete the conversation of ${dateTime.format(log.startedAt)}`}
                  onClick={() => void desktopBridge().deleteChatLog({ conversationId: log.id }).then(reload)}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {logs.length > 0 && (
        <button
          type="button"
          className="button button--danger button--small"
          onClick={() =>
            void desktopBridge()
              .deleteAllChatLogs()
              .then(() => {
                setOpen(null);
                reload();
              })
          }
        >
          Delete all conversations
        </button>
      )}
      {open && (
        <div className="history-view" role="region" aria-label="Conversation">
          <p className="form-field__hint">
            Stranger {open.partnerId} · {dateTime.format(open.startedAt)}
          </p>
          <ol>
            {open.messages.map((message, index) => (
              <li key={index}>
                <time dateTime={new Date(message.at).toISOString()}>{dateTime.format(message.at)}</time>{' '}
                <strong>{message.from === 'me' ? 'You' : 'Stranger'}:</strong> {message.text}
                {message.flags.length > 0 && <span className="stage__badge"> ({message.flags.join(', ')})</span>}
              </li>
            ))}
          </ol>
          <button type="button" className="button button--secondary button--small" onClick={() => setOpen(null)}>
            Close conversation
          </button>
        </div>
      )}
    </section>
  );
}
