/**
 * Refusing to be seen: excuses about a broken camera, "text only", "I don't
 * show my face". The guide lists refusing to video chat as a warning sign.
 * A passing glitch stays unflagged: "my camera froze for a sec", "your video
 * is frozen", "I'm a bit shy on camera but I'll try".
 */
import { matchesAny, phrases } from './phrase-patterns';
import type { NormalisedMessage } from './text-normaliser';

const CAMERA = '(?:camera|cam|webcam|video|vid|cameras|webcams|mic and camera|camera and mic)';
const BROKEN =
  '(?:not working|does not work|do not work|will not work|did not work|never works|is not working|broken|busted|dead|' +
  'broke|bust|messed up|stopped working|will not turn on|does not turn on|is not turning on|not turning on|died)';

const REFUSES_VIDEO = phrases(
  `(?<! your) ${CAMERA} (?:is |are |s |has |just )?(?:still |completely |totally )?${BROKEN} `,
  ` i (?:do not|never|can not|will not|am not going to) (?:have|do|use|turn on|show|go on|like|put on|switch on) ` +
    `(?:a |my |any |the )?(?:${CAMERA}|face|video chat|video calls?|my face) `,
  ` i (?:do not|never|can not|will not) (?:turn|switch|put) (?:my |the )?${CAMERA} on `,
  ` (?:not|never) (?:turning|going to turn|putting|switching) (?:on )?(?:my |the )?${CAMERA}`,
  ` (?:can not|cant|could not) (?:turn on|show|do|use|open|switch on|put on) (?:my |the )?(?:${CAMERA}|face)`,
  ` just (?:type|text|chat|talk|message)(?: (?:here|to me here|only|instead|with me here))?(?= (?:\\.|\\?|please)|$| $)`,
  ` (?:text|type|typing|texting|chat|message) only `,
  ` no (?:${CAMERA}|face) (?!games? |calls? |quality )`,
  ` (?:not|never) (?:comfortable|ok|okay|good|great|into being) (?:on|with) (?:camera|cam|video|webcam) `,
  ` (?:rather|prefer|prefer to|want to) not (?:to )?(?:show|turn on|use) (?:my )?(?:face|${CAMERA}) `,
  ` (?:do not|never|will not) (?:show|want to show) (?:my )?face `,
  ` (?:do not|never) (?:do|like) video `,
  ` my ${CAMERA} (?:is|stays|will stay) off `,
  ` (?:you )?keep (?:yours|your (?:cam|camera|video|webcam)) on `,
);

export function avoidsVideo(message: NormalisedMessage): boolean {
  return matchesAny(message.text, REFUSES_VIDEO);
}
