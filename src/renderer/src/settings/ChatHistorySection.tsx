import { useState, type ReactNode } from 'react';
import type { ChatLogConversation, ChatLogRetention, ChatLogSummary } from '../../../shared/chat-log';
import { ActionError } from '../ActionButton';
import { callBridge } from '../bridge';
import { useBridgeAction } from '../use-bridge-action';
import { useBridgeRead } from '../use-bridge-read';
import '../buttons.css';
import '../forms.css';
import '../dialog.css';
import '../call/call-stage.css';
import './settings.css';

const RETENTION_LABELS: Record<ChatLogRetention, string> = {
  off: "Don't keep chat logs",
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
};

const listChatLogs = (signal: AbortSignal) => callBridge('listChatLogs', undefined, { signal });

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface ChatHistorySectionProps {
  retention: ChatLogRetention;
  onRetentionChange(retention: ChatLogRetention): void;
  /** Shown when the new retention could not be saved. */
  saveError?: ReactNode;
}

/** Past conversations kept on this device: to note usernames and times for a report, or to delete. */
export function ChatHistorySection({ retention, onRetentionChange, saveError }: ChatHistorySectionProps) {
  // A new retention deletes what is older: read the list again.
  const list = useBridgeRead(listChatLogs, retention);
  const logs: ChatLogSummary[] = list.value ?? [];
  const [open, setOpen] = useState<ChatLogConversation | null>(null);
  const action = useBridgeAction();

  const view = (conversationId: string): void => {
    void action.run(async (signal) => {
      const reply = await callBridge('readChatLog', { conversationId }, { signal });
      if (reply.ok) setOpen(reply.value);
      return reply;
    });
  };
  const remove = (conversationId: string | null): void => {
    void action.run(async (signal) => {
      const reply = conversationId
        ? await callBridge('deleteChatLog', { conversationId }, { signal })
        : await callBridge('deleteAllChatLogs', undefined, { signal });
      if (reply.ok && (conversationId === null || open?.id === conversationId)) setOpen(null);
      list.reload();
      return reply;
    });
  };

  return (
    <section className="dialog__section" aria-labelledby="chat-history-title" aria-busy={action.busy || undefined}>
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
      {saveError}
      <p className="form-field__hint">Kept encrypted, only on this computer, and deleted for good when they are older than this.</p>
      <ActionError error={action.error ?? list.error} />
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
                <button type="button" className="button button--secondary button--small" onClick={() => view(log.id)}>
                  View
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={`Delete the conversation of ${dateTime.format(log.startedAt)}`}
                  onClick={() => remove(log.id)}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {logs.length > 0 && (
        <button type="button" className="button button--danger button--small" onClick={() => remove(null)}>
          Delete all conversations
        </button>
      )}
      {open && <ConversationView conversation={open} onClose={() => setOpen(null)} />}
    </section>
  );
}

function ConversationView({ conversation, onClose }: { conversation: ChatLogConversation; onClose(): void }) {
  return (
    <div className="history-view" role="region" aria-label="Conversation">
      <p className="form-field__hint">
        Stranger {conversation.partnerId} · {dateTime.format(conversation.startedAt)}
      </p>
      <ol>
        {conversation.messages.map((message, index) => (
          <li key={index}>
            <time dateTime={new Date(message.at).toISOString()}>{dateTime.format(message.at)}</time>{' '}
            <strong>{message.from === 'me' ? 'You' : 'Stranger'}:</strong> {message.text}
            {message.flags.length > 0 && <span className="stage__badge"> ({message.flags.join(', ')})</span>}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary button--small" onClick={onClose}>
        Close conversation
      </button>
    </div>
  );
}
