import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_CHAT_TEXT_LENGTH } from '../../../shared/peer-messages';
import { checkOutgoingMessage, type PrivacyConcern } from '../../../shared/privacy-guard';
import { RedFlagNote } from './RedFlagNote';
import { SendAnywayPrompt } from './SendAnywayPrompt';
import type { Chat, ChatEntry } from './use-chat';
import '../buttons.css';
import './chat.css';

interface ChatPanelProps {
  chat: Chat;
  connected: boolean;
  /** Ask "Send anyway?" before a message with contact details (a setting, on by default). */
  privacyGuard: boolean;
  /** Files a report with this message as evidence. */
  onReportMessage?: (entry: ChatEntry) => void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function ChatPanel({ chat, connected, privacyGuard, onReportMessage }: ChatPanelProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [concerns, setConcerns] = useState<PrivacyConcern[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const logRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    logRef.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [chat.entries.length]);

  const send = (): void => {
    setConcerns([]);
    const result = chat.send(draft);
    if (result.ok) {
      setDraft('');
      setError(null);
    } else {
      setError(result.reason);
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = privacyGuard ? checkOutgoingMessage(draft) : [];
    if (found.length > 0) setConcerns(found);
    else send();
  };

  return (
    <aside className="chat" aria-label="Text chat">
      <div className="chat__log" role="log" aria-live="polite" aria-label="Messages">
        <ol className="chat__list" ref={logRef}>
          {chat.entries.length === 0 && (
            <li className="chat__empty">Say hi. Messages go straight to the stranger and vanish when the call ends.</li>
          )}
          {chat.entries.map((entry) => (
            <li key={entry.id} className={`chat__message chat__message--${entry.from}`}>
              <span className="visually-hidden">{entry.from === 'me' ? 'You' : 'Stranger'}: </span>
              {/* Plain text only: links are never turned into something clickable. */}
              <span className="chat__text">{entry.text}</span>
              <time className="chat__time" dateTime={new Date(entry.at).toISOString()}>
                {timeFormat.format(entry.at)}
              </time>
              {entry.from === 'stranger' && (
                <RedFlagNote flags={entry.flags} onReport={onReportMessage && (() => onReportMessage(entry))} />
              )}
            </li>
          ))}
        </ol>
      </div>
      <p className="chat__typing" aria-live="polite">
        {chat.partnerTyping ? 'Stranger is typing…' : ''}
      </p>
      {concerns.length > 0 && (
        <SendAnywayPrompt
          concerns={concerns}
          onSend={send}
          onEdit={() => {
            setConcerns([]);
            inputRef.current?.focus();
          }}
        />
      )}
      <form className="chat__form" onSubmit={submit}>
        <label htmlFor={inputId} className="visually-hidden">
          Message
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="chat__input"
          value={draft}
          maxLength={MAX_CHAT_TEXT_LENGTH}
          placeholder={connected ? 'Type a message' : 'Chat opens when the call connects'}
          disabled={!connected}
          autoComplete="off"
          onChange={(event) => {
            setDraft(event.target.value);
            setConcerns([]);
            chat.setTyping(event.target.value.length > 0);
          }}
          onBlur={() => chat.setTyping(false)}
        />
        <button type="submit" className="button button--secondary" disabled={!connected || draft.trim().length === 0}>
          Send
        </button>
      </form>
      {error && (
        <p className="chat__error" role="alert">
          {error}
        </p>
      )}
    </aside>
  );
}
