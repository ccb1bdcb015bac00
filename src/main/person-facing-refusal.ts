/**
 * A refusal whose message is written for the person (keys already taken, a
 * switch this system does not have): the bridge passes it on as it is. Any
 * other error a handler throws is a fault: the page gets a general sentence
 * and the diagnostic log gets the detail (see bridge-dispatch.ts).
 */
export class PersonFacingRefusal extends Error {
  constructor(
    /** What the page can act on, e.g. 'shortcut-refused'. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
