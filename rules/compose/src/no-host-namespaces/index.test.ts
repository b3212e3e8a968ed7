import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule, { HOST_NAMESPACE_KEYS } from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('no-host-namespaces', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: bridge\n    ipc: shareable\n' },
    { name: 'another service\'s namespace is not the host\'s', filename, code: 'services:\n  a:\n    image: a:1\n    network_mode: "service:b"\n    pid: "container:x"\n' },
    { name: 'allowed keys', filename, options: [{ allow: ['network_mode'] }], code: 'services:\n  agent:\n    image: agent:1\n    network_mode: host\n' },
  ],
  invalid: [
    {
      name: 'each key set to host, at its value',
      filename,
      code: 'services:\n  agent:\n    image: agent:1\n    network_mode: host # metrics\n    pid: "host"\n    ipc: host\n    userns_mode: host\n',
      errors: [
        { messageId: 'hostNamespace', data: { service: 'agent', what: HOST_NAMESPACE_KEYS.network_mode! }, line: 4, column: 19, endLine: 4, endColumn: 23 },
        { messageId: 'hostNamespace', data: { service: 'agent', what: HOST_NAMESPACE_KEYS.pid! }, line: 5, column: 10, endLine: 5, endColumn: 16 },
        { messageId: 'hostNamespace', data: { service: 'agent', what: HOST_NAMESPACE_KEYS.ipc! }, line: 6, column: 10, endLine: 6, endColumn: 14 },
        { messageId: 'hostNamespace', data: { service: 'agent', what: HOST_NAMESPACE_KEYS.userns_mode! }, line: 7, column: 18, endLine: 7, endColumn: 22 },
      ],
      output: null,
    },
    {
      name: 'a value from the .env beside the file',
      filename,
      files: { '.env': 'NET=host\n' },
      code: 'services:\n  agent:\n    image: agent:1\n    network_mode: ${NET}\n',
      errors: [{ messageId: 'hostNamespace', line: 4, column: 19, endLine: 4, endColumn: 25 }],
      output: null,
    },
  ],
});
