/**
 * Whether the report may carry colours: `--color`/`--no-color` decide; else a non-empty `NO_COLOR`
 * turns them off and `FORCE_COLOR` (anything but `0`) on; else colours go to a terminal only.
 */
export function useColor(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return isTTY;
}
