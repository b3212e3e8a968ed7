/**
 * Users that packages create when they are installed. A daemon's package creates the system user it
 * runs as, and by convention names it after itself (`apk add privoxy` creates `privoxy`, Debian's
 * `mpd`, `prosody` and `tor`... the same); a few name it otherwise, listed here from the distributions'
 * maintainer scripts. Only the package managers that install named packages from a repository count:
 * apt-get/apt (a local `./name.deb` counts by its file name), apk, dnf, yum and microdnf.
 */

/** Users whose name is not the package's, and the packages that create them. */
const PACKAGE_USERS: Readonly<Record<string, readonly string[]>> = {
  // Debian's tor runs as debian-tor.
  'debian-tor': ['tor'],
  // Debian's transmission-daemon.
  'debian-transmission': ['transmission-daemon'],
  // Debian's exim4 packages.
  'Debian-exim': ['exim4', 'exim4-daemon-light', 'exim4-daemon-heavy'],
  // D-Bus's system bus, on Debian, Alpine and Fedora.
  messagebus: ['dbus', 'dbus-daemon'],
  // Debian's memcached.
  memcache: ['memcached'],
  // Debian's bind9.
  bind: ['bind9'],
  // OpenSSH's privilege separation user.
  sshd: ['openssh-server', 'openssh'],
  avahi: ['avahi-daemon'],
};

const INSTALLERS: Readonly<Record<string, ReadonlySet<string>>> = {
  'apt-get': new Set(['install']),
  apt: new Set(['install']),
  apk: new Set(['add']),
  dnf: new Set(['install']),
  yum: new Set(['install']),
  microdnf: new Set(['install']),
};

/**
 * The packages a command installs: its words after the `install` (`add` for apk) subcommand that
 * are no options, with a version (`=1.2`, `~1.2`, `>1.2`) or architecture (`:amd64`) taken off; a
 * local package file (`./odoo_17.0.deb`) by its name up to the first `_`. Empty for other commands.
 */
export function installedPackages(program: string, args: readonly string[]): string[] {
  const subcommands = INSTALLERS[program];
  if (!subcommands) return [];
  const at = args.findIndex((word) => subcommands.has(word));
  if (at === -1) return [];
  return args
    .slice(at + 1)
    .filter((word) => !word.startsWith('-') && !word.includes('$'))
    .map((word) => {
      const file = /(?:^|\/)([^/_]+)(?:_[^/]*)?\.(?:deb|rpm|apk)$/.exec(word);
      return file ? file[1]! : word.replace(/[=~<>:].*$/, '');
    })
    .filter((name) => name !== '');
}

/** Whether installing `packages` creates `user`: a package of that name, or one listed above. */
export function isPackageUser(user: string, packages: ReadonlySet<string>): boolean {
  return packages.has(user) || (Object.hasOwn(PACKAGE_USERS, user) && PACKAGE_USERS[user]!.some((name) => packages.has(name)));
}
