/** The value formats a label schema can require, as hadolint names them. */
export type LabelFormat = 'text' | 'url' | 'rfc3339' | 'spdx' | 'hash' | 'semver' | 'email';

export const LABEL_FORMATS: readonly LabelFormat[] = ['text', 'url', 'rfc3339', 'spdx', 'hash', 'semver', 'email'];

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const GIT_HASH = /^(?:[0-9a-fA-F]{7,40}|[0-9a-fA-F]{64})$/;
const NUMBER = '(?:0|[1-9]\\d*)';
const PRERELEASE_PART = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(
  `^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-${PRERELEASE_PART}(?:\\.${PRERELEASE_PART})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** Whether a (non-empty) label value has the format. */
export function matchesFormat(value: string, format: LabelFormat): boolean {
  switch (format) {
    case 'text':
      return true;
    case 'url':
      return isUrl(value);
    case 'rfc3339':
      return isRfc3339(value);
    case 'spdx':
      return isSpdxExpression(value);
    case 'hash':
      return GIT_HASH.test(value);
    case 'semver':
      return SEMVER.test(value);
    case 'email':
      return EMAIL.test(value);
  }
}

/** An absolute URI: a scheme, `:`, and something after it. */
function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function isRfc3339(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60 && offsetHour <= 23 && offsetMinute <= 59;
}

/**
 * An SPDX license expression: identifiers (optionally `+`), `LicenseRef-`/`DocumentRef-` references,
 * joined by `AND`/`OR`, `WITH` an exception, in parentheses. Identifiers are checked for their shape
 * only: this linter carries no copy of the SPDX license list.
 */
function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/\(|\)|[^\s()]+/g) ?? [];
  let index = 0;
  const id = /^(?:(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.-]*\+?)$/;
  const operator = (token: string | undefined): boolean => token === 'AND' || token === 'OR' || token === 'WITH';
  const term = (): boolean => {
    const token = tokens[index++];
    if (token === '(') return expression() && tokens[index++] === ')';
    if (token === undefined || operator(token) || !id.test(token) || !isLicenseLike(token)) return false;
    if (tokens[index] === 'WITH') {
      index++;
      const exception = tokens[index++];
      return exception !== undefined && /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(exception);
    }
    return true;
  };
  const expression = (): boolean => {
    if (!term()) return false;
    while (tokens[index] === 'AND' || tokens[index] === 'OR') {
      index++;
      if (!term()) return false;
    }
    return true;
  };
  return tokens.length > 0 && expression() && index === tokens.length;
}

/** The SPDX identifiers written in lowercase letters and dashes only (most carry a capital or a digit). */
const LOWERCASE_SPDX_IDS = new Set([
  'blessing', 'check-cvs', 'checkmk', 'curl', 'cve-tou', 'diffmark', 'dvipdfm', 'fwlw', 'gnuplot', 'gtkbook',
  'hdparm', 'jove', 'libtiff', 'lsof', 'magaz', 'mailprio', 'metamail', 'mpi-permissive', 'mplus', 'pkgconf',
  'pnmstitch', 'psfrag', 'psutils', 'radvd', 'snprintf', 'ssh-keyscan', 'swrule', 'threeparttable', 'ulem',
  'xinetd', 'xlock', 'xpp', 'xzoom', 'zlib-acknowledgement',
]);

/**
 * SPDX identifiers are names with a capital, a version or a variant (`MIT`, `Apache-2.0`,
 * `BSD-3-Clause`); lowercase words joined by dashes (`not-spdx`) are not, except a known few.
 */
function isLicenseLike(token: string): boolean {
  const bare = token.replace(/\+$/, '');
  return bare.includes('LicenseRef-') || /[A-Z0-9]/.test(bare) || LOWERCASE_SPDX_IDS.has(bare);
}
