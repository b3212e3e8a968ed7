/** The profiles a service (as data) belongs to; `[]` means it always runs. */
export function serviceProfiles(service: unknown): string[] {
  if (typeof service !== 'object' || service === null || Array.isArray(service)) return [];
  const profiles = (service as { profiles?: unknown }).profiles;
  return Array.isArray(profiles) ? profiles.filter((profile): profile is string => typeof profile === 'string') : [];
}

/**
 * Whether a service runs with these profiles active (`--profile`, `COMPOSE_PROFILES`): services
 * without profiles always do, others when one of theirs is active; `*` activates every profile.
 */
export function isServiceActive(service: unknown, activeProfiles: ReadonlySet<string>): boolean {
  const profiles = serviceProfiles(service);
  return profiles.length === 0 || activeProfiles.has('*') || profiles.some((profile) => activeProfiles.has(profile));
}

/**
 * Whether two services are meant to run at the same time. Services in disjoint sets of profiles
 * (`dev` and `prod`) are taken as alternatives: a check for clashes between them (the same published
 * port, the same container name) would only report the design.
 */
export function mayRunTogether(a: unknown, b: unknown): boolean {
  const first = serviceProfiles(a);
  const second = serviceProfiles(b);
  if (first.length === 0 || second.length === 0) return true;
  return first.some((profile) => second.includes(profile));
}
