import { describe, expect, it } from 'vitest';
import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule, { sensitiveHostPath } from './index.js';

const filename = 'compose.yaml';

describe('sensitiveHostPath', () => {
  it('matches the listed paths, their subtrees where the whole tree is sensitive, and both spellings of /run', () => {
    expect(sensitiveHostPath('/')?.path).toBe('/');
    expect(sensitiveHostPath('//etc/')?.path).toBe('/etc');
    expect(sensitiveHostPath('/proc/1/root')?.path).toBe('/proc');
    expect(sensitiveHostPath('/var/run/dbus/system_bus_socket')?.path).toBe('/run/dbus');
    expect(sensitiveHostPath('/var/lib/docker/containers')?.path).toBe('/var/lib/docker');
    expect(sensitiveHostPath('/etc/../root/.ssh')?.path).toBe('/root');
    expect(sensitiveHostPath('/run/user/1000')?.path).toBe('/run/user');
    expect(sensitiveHostPath('/var/run/user/1000/bus')?.path).toBe('/run/user');
  });
  it('leaves ordinary files, project paths and engine sockets alone', () => {
    for (const source of ['/etc/localtime', '/etc/timezone', '/srv/app', '/var/log/nginx', '/var/run/app', '/home/me/app', './etc', '/var/run/docker.sock', '/dev/dri', '/run/user/1000/pulse']) {
      expect(sensitiveHostPath(source), source).toBeNull();
    }
  });
});

new RuleTester().run('no-sensitive-host-mounts', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: web:1\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - ./etc:/etc/app\n      - data:/etc\n      - /srv/web:/srv\nvolumes:\n  data: {}\n' },
    { name: 'the socket is no-docker-socket\'s business', filename, code: 'services:\n  ci:\n    image: ci:1\n    volumes: [/var/run/docker.sock:/var/run/docker.sock]\n' },
    { name: 'an unknown variable is not judged', filename, code: 'services:\n  agent:\n    image: agent:1\n    volumes: ["${HOST_ROOT}:/host:ro"]\n' },
    { name: 'a volume that is not a bind', filename, code: 'volumes:\n  data:\n    driver_opts: {type: nfs, o: addr=10.0.0.1, device: ":/etc"}\n' },
  ],
  invalid: [
    {
      name: 'short syntax, read-only too, at the host path',
      filename,
      code: 'services:\n  exporter:\n    image: node-exporter:1\n    volumes:\n      - /:/rootfs:ro # the host\n      - "/proc:/host/proc:ro"\n      - /sys/fs/cgroup/:/sys/fs/cgroup\n',
      errors: [
        { messageId: 'sensitiveMount', data: { service: 'exporter', path: '/', what: 'the whole filesystem of the host' }, line: 5, column: 9, endLine: 5, endColumn: 10 },
        { messageId: 'sensitiveMount', data: { service: 'exporter', path: '/proc', what: 'the host\'s processes and kernel settings' }, line: 6, column: 10, endLine: 6, endColumn: 15 },
        { messageId: 'sensitiveMount', data: { service: 'exporter', path: '/sys/fs/cgroup/', what: 'the host\'s kernel, devices and cgroups' }, line: 7, column: 9, endLine: 7, endColumn: 24 },
      ],
      output: null,
    },
    {
      name: 'long syntax, at the source value; a value from .env',
      filename,
      files: { '.env': 'SSH_DIR=/root/.ssh\n' },
      code: 'services:\n  git:\n    image: git:1\n    volumes:\n      - type: bind\n        source: ${SSH_DIR}\n        target: /root/.ssh\n        read_only: true\n',
      errors: [{ messageId: 'sensitiveMount', data: { service: 'git', path: '/root/.ssh', what: 'the home of the host\'s root user (SSH keys, credentials)' }, line: 6, column: 17, endLine: 6, endColumn: 27 }],
      output: null,
    },
    {
      name: 'once for an anchored list that several services merge',
      filename,
      code: 'x-mounts: &mounts\n  volumes: [/var/run:/var/run]\nservices:\n  a:\n    <<: *mounts\n    image: a:1\n  b:\n    <<: *mounts\n    image: b:1\n',
      errors: [{ messageId: 'sensitiveMount', data: { service: 'a', path: '/var/run', what: 'the sockets of the host\'s services' }, line: 2, column: 13, endLine: 2, endColumn: 21 }],
      output: null,
    },
    {
      name: 'a local volume that binds a host path',
      filename,
      code: 'volumes:\n  hostetc:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /etc\n',
      errors: [{ messageId: 'sensitiveVolumeDevice', data: { volume: 'hostetc', path: '/etc', what: 'the host\'s configuration, password hashes and keys' }, line: 7, column: 15, endLine: 7, endColumn: 19 }],
      output: null,
    },
  ],
});
