// An override of failing release gates must say why, in a typed reason of at
// least this many characters: the confirmation counts it, the action desk
// refuses a shorter one whatever the renderer showed.
export const OVERRIDE_REASON_MIN = 10;

export const OVERRIDE_REASON_SHORT = `An override needs a typed reason of at least ${OVERRIDE_REASON_MIN} characters`;

/** Characters that count: surrounding blanks do not. */
export const overrideReasonLength = (reason: string | undefined): number =>
  (reason ?? '').trim().length;

export const overrideReasonOk = (reason: string | undefined): boolean =>
  overrideReasonLength(reason) >= OVERRIDE_REASON_MIN;
