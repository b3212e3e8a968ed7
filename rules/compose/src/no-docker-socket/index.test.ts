import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('no-docker-socket', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./html:/usr/share/nginx/html:ro\n      - /var/run/app:/var/run/app\n      - data:/data\nvolumes:\n  data: {}\n' },
    { name: 'the socket path inside the container only', filename, code: 'services:\n  a:\n    image: a:1\n    volumes:\n      - sock:/var/run/docker.sock\nvolumes:\n  sock: {}\n' },
  ],
  invalid: [
    {
      name: 'short syntax (read-only too), at the host path',
      filename,
      code: 'services:\n  proxy:\n    image: traefik:3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro # discovery\n      - "/run/podman/podman.sock:/var/run/docker.sock"\n',
      errors: [
        { messageId: 'dockerSocket', data: { service: 'proxy', path: '/var/run/docker.sock' }, line: 5, column: 9, endLine: 5, endColumn: 29 },
        { messageId: 'dockerSocket', data: { service: 'proxy', path: '/run/podman/podman.sock' }, line: 6, column: 10, endLine: 6, endColumn: 33 },
      ],
      output: null,
    },
    {
      name: 'long syntax, at the source value',
      filename,
      code: 'services:\n  ci:\n    image: runner:1\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n',
      errors: [{ messageId: 'dockerSocket', data: { service: 'ci', path: '/var/run/docker.sock' }, line: 6, column: 17, endLine: 6, endColumn: 37 }],
      output: null,
    },
    {
      name: 'the Windows named pipe',
      filename,
      code: 'services:\n  ci:\n    image: runner:1\n    volumes:\n      - type: npipe\n        source: \\\\.\\pipe\\docker_engine\n        target: \\\\.\\pipe\\docker_engine\n',
      errors: [{ messageId: 'dockerSocket', line: 6, column: 17, endLine: 6, endColumn: 39 }],
      output: null,
    },
  ],
});
