/** The text that appends lines to a `.dockerignore`, starting on a new line. */
export function appendedLines(existingText: string, lines: readonly string[], eol: string): string {
  const separator = existingText === '' || existingText.endsWith('\n') ? '' : eol;
  return separator + lines.map((line) => line + eol).join('');
}

/** A new `.dockerignore`: commented groups of lines, empty groups left out. */
export function newDockerignoreText(groups: readonly { readonly comment: string; readonly lines: readonly string[] }[], eol: string): string {
  return groups
    .filter((group) => group.lines.length > 0)
    .map((group) => [`# ${group.comment}`, ...group.lines].map((line) => line + eol).join(''))
    .join('');
}
