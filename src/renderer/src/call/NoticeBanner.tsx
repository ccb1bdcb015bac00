import type { Notice } from './call-machine';
import '../buttons.css';
import './notice-banner.css';

interface NoticeBannerProps {
  notice: Notice | null;
  onDismiss(): void;
}

/**
 * Why the person is where they are. The polite region is always in the
 * page, so a notice that appears in it is announced (a live region added
 * together with its text often is not); errors interrupt, as alerts.
 */
export function NoticeBanner({ notice, onDismiss }: NoticeBannerProps) {
  const body = notice && (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : undefined}>
      <span>{notice.text}</span>
      <button type="button" className="notice__close" aria-label="Dismiss message" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
  return (
    <>
      <div role="status">{notice?.tone !== 'error' && body}</div>
      {notice?.tone === 'error' && body}
    </>
  );
}
