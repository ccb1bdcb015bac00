/**
 * The red flags the safety guide teaches people to spot, each with the label
 * the chat shows and the guide's matching advice. The chat log stores flags,
 * so they have a runtime schema.
 */
import { z } from 'zod';

export const RED_FLAG_CATEGORIES = ['personal-info', 'leave-platform', 'money', 'intimacy-pressure', 'avoids-video'] as const;

export const redFlagCategorySchema = z.enum(RED_FLAG_CATEGORIES);
export type RedFlagCategory = z.infer<typeof redFlagCategorySchema>;

export const redFlagSchema = z.strictObject({
  category: redFlagCategorySchema,
  /** Short, calm name of the warning sign. */
  label: z.string().min(1),
  /** The safety guide's advice for this sign. */
  tip: z.string().min(1),
});
export type RedFlag = z.infer<typeof redFlagSchema>;

/** Wording follows cam-party-safety-guide.txt ("Recognizing Red Flags", "Building Safe Habits"). */
export const RED_FLAG_GUIDANCE: Readonly<Record<RedFlagCategory, { label: string; tip: string }>> = {
  'personal-info': {
    label: 'Asks for personal information',
    tip:
      'Keep personal details private: even if someone seems trustworthy, wait before sharing contact information. ' +
      'Never share your home address, workplace, school, phone number or financial information.',
  },
  'leave-platform': {
    label: 'Pressure to move to another app',
    tip:
      'Being pushed to continue on WhatsApp, Skype or another app quickly often bypasses safety features: ' +
      'Report, Block and Skip only protect you here. You owe no one your time or personal information.',
  },
  money: {
    label: 'Asks for money or gifts',
    tip:
      'Any financial request is a red flag, no matter how small or how emotionally compelling the story. ' +
      'Do not send money, gift cards or crypto to someone you met here.',
  },
  'intimacy-pressure': {
    label: 'Rushing intimacy or sexual pressure',
    tip:
      'Overly flattering talk or rushing intimacy are tactics scammers use. Trust your instincts: if something ' +
      'feels off, it probably is. You can end the conversation, block or report at any time.',
  },
  'avoids-video': {
    label: 'Avoids showing themselves on video',
    tip:
      'Refusing to video chat or making excuses about camera issues is a warning sign. Be careful about what you ' +
      'share with someone you cannot see, and skip freely.',
  },
};

export function redFlagFor(category: RedFlagCategory): RedFlag {
  return { category, ...RED_FLAG_GUIDANCE[category] };
}
