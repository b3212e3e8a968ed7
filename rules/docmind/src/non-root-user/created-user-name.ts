/** Options that take a value, per tool: single letters, and long names without the dashes. */
interface OptionsWithValues {
  readonly short: string;
  readonly long: ReadonlySet<string>;
}

const OPTIONS_WITH_VALUES: Readonly<Record<string, OptionsWithValues>> = {
  // shadow-utils useradd (Debian, Ubuntu, Fedora, RHEL).
  useradd: {
    short: 'bcdefgGKkpsuRPZ',
    long: new Set([
      'base-dir', 'comment', 'home-dir', 'expiredate', 'inactive', 'gid', 'groups', 'key', 'skel',
      'password', 'shell', 'uid', 'root', 'prefix', 'selinux-user', 'selinux-range',
    ]),
  },
  // BusyBox adduser (Alpine) takes short options; Debian's adduser takes long ones.
  adduser: {
    short: 'hgsGuk',
    long: new Set([
      'home', 'shell', 'ingroup', 'uid', 'gid', 'gecos', 'comment', 'conf', 'firstuid', 'lastuid',
      'firstgid', 'lastgid',
    ]),
  },
};

/**
 * The user a `useradd` or `adduser` command creates: its first operand once options (and their
 * values, joined or separate, in clusters such as `-ms /bin/bash`) are skipped.
 */
export function createdUserName(program: string, args: readonly string[]): string | null {
  const options = OPTIONS_WITH_VALUES[program];
  if (!options) return null;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') return args[i + 1] ?? null;
    if (word.startsWith('--')) {
      if (!word.includes('=') && options.long.has(word.slice(2))) i++;
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      const letters = word.slice(1);
      const valueAt = [...letters].findIndex((letter) => options.short.includes(letter));
      if (valueAt === letters.length - 1) i++;
      continue;
    }
    return word;
  }
  return null;
}
