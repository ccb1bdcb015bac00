/**
 * Other chat and social apps people are pushed towards, as they appear in
 * normalised text (one word each) and in invite links.
 */

export interface ChatApp {
  /** The single word normalised text uses for the app. */
  readonly word: string;
  /** How the app is named to the person. */
  readonly name: string;
  /** Hosts or URL prefixes of profile and invite links. */
  readonly linkPrefixes: readonly string[];
}

export const CHAT_APPS: readonly ChatApp[] = [
  { word: 'whatsapp', name: 'WhatsApp', linkPrefixes: ['wa.me/', 'chat.whatsapp.com/', 'api.whatsapp.com/', 'whatsapp.com/'] },
  { word: 'snapchat', name: 'Snapchat', linkPrefixes: ['snapchat.com/', 'snapchat.com/add/'] },
  { word: 'telegram', name: 'Telegram', linkPrefixes: ['t.me/', 'telegram.me/', 'telegram.dog/'] },
  { word: 'skype', name: 'Skype', linkPrefixes: ['join.skype.com/', 'skype:'] },
  { word: 'instagram', name: 'Instagram', linkPrefixes: ['instagram.com/', 'instagr.am/', 'ig.me/'] },
  {
    word: 'discord',
    name: 'Discord',
    linkPrefixes: ['discord.gg/', 'discord.com/invite/', 'discordapp.com/invite/', 'discord.com/users/'],
  },
  { word: 'kik', name: 'Kik', linkPrefixes: ['kik.me/'] },
  { word: 'facebook', name: 'Facebook', linkPrefixes: ['facebook.com/', 'fb.com/', 'fb.me/'] },
  { word: 'messenger', name: 'Messenger', linkPrefixes: ['m.me/', 'messenger.com/'] },
  { word: 'signal', name: 'Signal', linkPrefixes: ['signal.me/', 'signal.group/'] },
  { word: 'viber', name: 'Viber', linkPrefixes: ['viber.com/', 'viber:'] },
  { word: 'wechat', name: 'WeChat', linkPrefixes: ['u.wechat.com/', 'weixin.qq.com/'] },
  { word: 'line', name: 'LINE', linkPrefixes: ['line.me/'] },
  { word: 'tiktok', name: 'TikTok', linkPrefixes: ['tiktok.com/', 'vm.tiktok.com/'] },
  { word: 'twitter', name: 'X (Twitter)', linkPrefixes: ['twitter.com/', 'x.com/'] },
  { word: 'imessage', name: 'iMessage', linkPrefixes: [] },
  { word: 'facetime', name: 'FaceTime', linkPrefixes: ['facetime.apple.com/'] },
  { word: 'onlyfans', name: 'OnlyFans', linkPrefixes: ['onlyfans.com/'] },
];

/** Short names and nicknames, mapped to the app's word. */
export const CHAT_APP_NICKNAMES: Readonly<Record<string, string>> = {
  insta: 'instagram',
  ig: 'instagram',
  fb: 'facebook',
  snapcode: 'snapchat',
  tg: 'telegram',
  imsg: 'imessage',
  wapp: 'whatsapp',
};

export function chatAppName(word: string): string | undefined {
  if (word === 'snap') return 'Snapchat';
  return CHAT_APPS.find((app) => app.word === word)?.name;
}
