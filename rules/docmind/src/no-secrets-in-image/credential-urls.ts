// Credentials in URLs (`https://user:password@host`), found by scanning from each `://` rather than by
// regular expressions: `/[a-z][a-z0-9+.-]*:\/\/[^\s/@:$]*:[^\s/@$]+@/i` and its kin try every start
// position and backtrack over the runs after it, which is quadratic on long runs of letters or colons
// (a 1 MB ARG value took hours). Each function matches exactly what its regex did.

/** Characters that end a URL's user information. */
const USER_INFO_END = /[\s/@]/;
/** Characters of a URL scheme. */
const SCHEME_CHAR = /[a-z0-9+.-]/i;

/**
 * After each `://` of the text, its user information (up to the first whitespace, `/` or `@`) when
 * an `@` ends it. A scan stops at the next `/`, so the scans together read the text once.
 */
function* userInfos(text: string): Generator<{ readonly separator: number; readonly userInfo: string }> {
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    let end = at + 3;
    while (end < text.length && !USER_INFO_END.test(text[end]!)) end++;
    if (text[end] === '@') yield { separator: at, userInfo: text.slice(at + 3, end) };
  }
}

/** A user part with a password: a `:` with something after it (`/:\/\/[^\s/@]*:[^\s/@]+@/`). */
function hasPassword(userInfo: string): boolean {
  const colon = userInfo.indexOf(':');
  return colon !== -1 && colon < userInfo.length - 1;
}

/** `user:password@` after some `://` (`/:\/\/[^\s/@]*:[^\s/@]+@/`). */
export function hasPasswordInUrl(text: string): boolean {
  for (const { userInfo } of userInfos(text)) if (hasPassword(userInfo)) return true;
  return false;
}

/** A password or a variable in the user part (`/:\/\/[^\s/@]*(?::[^\s/@]+|\$[A-Za-z_{][^\s/@]*)@/`). */
export function hasCredentialUrl(text: string): boolean {
  for (const { userInfo } of userInfos(text)) if (hasPassword(userInfo) || /\$[A-Za-z_{]/.test(userInfo)) return true;
  return false;
}

/**
 * A URL with a scheme whose user part holds a literal password, no `$` in the user or the password
 * (`/[a-z][a-z0-9+.-]*:\/\/[^\s/@:$]*:[^\s/@$]+@/i`).
 */
export function hasUrlWithLiteralPassword(text: string): boolean {
  for (const { separator, userInfo } of userInfos(text)) {
    const colon = userInfo.search(/[:$]/);
    if (colon === -1 || userInfo[colon] !== ':' || colon === userInfo.length - 1 || userInfo.includes('$', colon)) continue;
    if (hasSchemeBefore(text, separator)) return true;
  }
  return false;
}

/** Whether the scheme characters right before `://` hold a letter, where a scheme can start. */
function hasSchemeBefore(text: string, separator: number): boolean {
  for (let at = separator - 1; at >= 0 && SCHEME_CHAR.test(text[at]!); at--) if (/[a-z]/i.test(text[at]!)) return true;
  return false;
}

/**
 * The text without `key=${VAR}` assignments (`/[^\s=]*=\$\{[A-Za-z_][A-Za-z0-9_]*\}/g` replaced by
 * nothing): each `=${VAR}` goes with the run of characters other than whitespace and `=` before it.
 */
export function withoutPlaceholderAssignments(text: string): string {
  const placeholder = /=\$\{[A-Za-z_][A-Za-z0-9_]*\}/g;
  let out = '';
  let kept = 0;
  for (const match of text.matchAll(placeholder)) {
    let start = match.index;
    while (start > kept && !/[\s=]/.test(text[start - 1]!)) start--;
    out += text.slice(kept, start);
    kept = match.index + match[0].length;
  }
  return out + text.slice(kept);
}
