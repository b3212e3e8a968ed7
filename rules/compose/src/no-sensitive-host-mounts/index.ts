import path from 'node:path';
import { withoutTrailingSlashes, pointerSegment } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { composeData, isData, scalarText } from '../utils/compose-data.js';
import { isEngineSocket } from '../utils/engine-socket.js';
import { serviceVolumes } from '../utils/service-volumes.js';

export type Options = [];
export type MessageIds = 'sensitiveMount' | 'sensitiveVolumeDevice';

/** A host path and what mounting it exposes; `subtree` when everything below it is as sensitive. */
interface SensitivePath {
  readonly path: string;
  readonly subtree: boolean;
  readonly what: string;
}

const SENSITIVE_PATHS: readonly SensitivePath[] = [
  { path: '/', subtree: false, what: 'the whole filesystem of the host' },
  { path: '/etc', subtree: false, what: 'the host\'s configuration, password hashes and keys' },
  { path: '/etc/shadow', subtree: false, what: 'the host\'s password hashes' },
  { path: '/etc/gshadow', subtree: false, what: 'the host\'s group password hashes' },
  { path: '/etc/sudoers', subtree: false, what: 'who may become root on the host' },
  { path: '/etc/sudoers.d', subtree: true, what: 'who may become root on the host' },
  { path: '/etc/ssh', subtree: true, what: 'the host\'s SSH keys and server settings' },
  { path: '/etc/kubernetes', subtree: true, what: 'the cluster\'s credentials' },
  { path: '/root', subtree: true, what: 'the home of the host\'s root user (SSH keys, credentials)' },
  { path: '/home', subtree: false, what: 'the home folders of every user of the host' },
  { path: '/proc', subtree: true, what: 'the host\'s processes and kernel settings' },
  { path: '/sys', subtree: true, what: 'the host\'s kernel, devices and cgroups' },
  { path: '/dev', subtree: false, what: 'every device of the host, disks included' },
  { path: '/boot', subtree: true, what: 'the host\'s kernel and boot loader' },
  { path: '/run', subtree: false, what: 'the sockets of the host\'s services' },
  { path: '/var/run', subtree: false, what: 'the sockets of the host\'s services' },
  { path: '/run/dbus', subtree: true, what: 'the system D-Bus, through which root can start anything on the host' },
  { path: '/run/systemd', subtree: true, what: 'systemd\'s control sockets' },
  { path: '/run/containerd', subtree: true, what: 'the container runtime\'s sockets' },
  { path: '/run/docker', subtree: true, what: 'the Docker engine\'s runtime files' },
  { path: '/run/user', subtree: false, what: 'the users\' session sockets' },
  { path: '/var/lib/docker', subtree: true, what: 'the files and settings of every container, secrets included' },
  { path: '/var/lib/containerd', subtree: true, what: 'the files of every container' },
  { path: '/var/lib/kubelet', subtree: true, what: 'the kubelet\'s credentials and every pod\'s volumes' },
  { path: '/var', subtree: false, what: 'the host\'s logs, databases and container data' },
  { path: '/usr', subtree: false, what: 'the host\'s programs' },
  { path: '/bin', subtree: false, what: 'the host\'s programs' },
  { path: '/sbin', subtree: false, what: 'the host\'s programs' },
  { path: '/lib', subtree: false, what: 'the host\'s libraries and kernel modules' },
  { path: '/lib64', subtree: false, what: 'the host\'s libraries' },
];

const USER_SESSION: SensitivePath = { path: '/run/user', subtree: true, what: 'a user\'s session: its D-Bus and every socket of its services' };

/** What mounting a host path exposes, or `null` when it is not one of the sensitive paths. */
export function sensitiveHostPath(source: string): SensitivePath | null {
  if (!source.startsWith('/') || isEngineSocket(source)) return null;
  // `/var/run` is a link to `/run` on current systems; judge both spellings the same way.
  let normalised = withoutTrailingSlashes(path.posix.normalize(source), true);
  if (normalised === '/var/run' || normalised.startsWith('/var/run/')) normalised = normalised.slice('/var'.length);
  // A user's whole runtime folder, or its session bus, is the user's session; one application's socket in it is not.
  if (/^\/run\/user\/[^/]+(?:\/bus)?$/.test(normalised)) return USER_SESSION;
  let best: SensitivePath | null = null;
  for (const entry of SENSITIVE_PATHS) {
    const matches = normalised === entry.path || (entry.subtree && normalised.startsWith(`${entry.path}/`));
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}

export default createRule<MessageIds, Options>({
  name: 'no-sensitive-host-mounts',
  meta: {
    type: 'problem',
    docs: {
      description: 'Services do not bind-mount sensitive host paths (`/`, `/etc`, `/proc`, `/sys`, `/dev`, `/root`, `/boot`, `/run`, `/var/lib/docker`, ...).',
      recommended: true,
      sources: { kics: ['1c1325ff-831d-43a1-973e-839ae57dfcc0'] },
    },
    messages: {
      sensitiveMount:
        'Service "{{service}}" mounts {{path}} from the host: {{what}}. Anything running in the container can read it, and change it unless the mount is read-only. Mount only the files the service needs.',
      sensitiveVolumeDevice:
        'Volume "{{volume}}" binds {{path}} from the host: {{what}}. Every container that mounts the volume can read it, and change it unless the mount is read-only. Bind only the files the services need.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const volume of serviceVolumes(data, context.sourceFile.text)) {
          if (volume.unknown || volume.type !== 'bind' || volume.source === null) continue;
          const sensitive = sensitiveHostPath(volume.source);
          if (!sensitive || reported.has(volume.sourceRange.join())) continue;
          reported.add(volume.sourceRange.join());
          context.report({
            range: volume.sourceRange,
            messageId: 'sensitiveMount',
            data: { service: volume.service, path: volume.source, what: sensitive.what },
          });
        }
        if (!isData(data.root.volumes)) return;
        for (const [name, definition] of Object.entries(data.root.volumes)) {
          if (!isData(definition) || !isData(definition.driver_opts)) continue;
          const pointer = `/volumes/${pointerSegment(name)}/driver_opts/device`;
          const device = scalarText(definition.driver_opts.device);
          const options = scalarText(definition.driver_opts.o) ?? '';
          if (device === null || !/(?:^|,)r?bind(?:,|$)/.test(options) || data.interpolation(pointer)?.known === false) continue;
          const sensitive = sensitiveHostPath(device);
          const range = data.valueRange(pointer);
          if (!sensitive || !range || reported.has(range.join())) continue;
          reported.add(range.join());
          context.report({ range, messageId: 'sensitiveVolumeDevice', data: { volume: name, path: device, what: sensitive.what } });
        }
      },
    };
  },
});
