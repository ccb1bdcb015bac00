/** The report reason a red-flag warning suggests, so a report from the warning arrives already sorted. */
import type { ReportReason } from '../../../shared/moderation-api';
import type { RedFlag, RedFlagCategory } from '../../../shared/red-flags';

const REASON_FOR: Record<RedFlagCategory, ReportReason> = {
  'personal-info': 'personal-info',
  'leave-platform': 'leave-platform',
  money: 'money',
  'intimacy-pressure': 'sexual-content',
  'avoids-video': 'other',
};

export function reasonForFlags(flags: RedFlag[]): ReportReason {
  return flags[0] ? REASON_FOR[flags[0].category] : 'other';
}
