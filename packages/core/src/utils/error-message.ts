/** The message of anything thrown, for user-facing text (stack traces only with `--debug`). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
