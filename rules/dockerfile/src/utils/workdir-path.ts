/** A WORKDIR or destination path without the quotes around it (`"/app"` -> `/app`). */
export function unquotePath(word: string): string {
  const quoted = /^(["'])(.*)\1$/s.exec(word);
  return quoted ? quoted[2]! : word;
}

/**
 * Whether a path names a place independent of the current WORKDIR: it starts with `/`, with a
 * variable (whose value is not known here, as hadolint and Checkov decide), or with a Windows drive
 * (`C:\`, `c:/`). A quote before it changes nothing (`"${HOME}"/app`).
 */
export function isAbsoluteOrVariablePath(path: string): boolean {
  const unquoted = path.replace(/^["']+/, '');
  return unquoted.startsWith('/') || unquoted.startsWith('$') || /^[A-Za-z]:[\\/]/.test(unquoted);
}
