import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('cap-add-no-dangerous', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n' },
    { name: 'a narrower list of the project', filename, options: [{ capabilities: ['ALL'] }], code: 'services:\n  vpn:\n    image: vpn:1\n    cap_add: [NET_ADMIN]\n' },
  ],
  invalid: [
    {
      name: 'each dangerous item, with or without the CAP_ prefix, in block and flow lists',
      filename,
      code: 'services:\n  vpn:\n    image: vpn:1\n    cap_add:\n      - NET_ADMIN # tun device\n      - CHOWN\n      - cap_sys_module\n  debug:\n    image: tools:1\n    cap_add: ["ALL"]\n',
      errors: [
        { messageId: 'dangerousCapability', data: { service: 'vpn', capability: 'NET_ADMIN' }, line: 5, column: 9, endLine: 5, endColumn: 18 },
        { messageId: 'dangerousCapability', data: { service: 'vpn', capability: 'SYS_MODULE' }, line: 7, column: 9, endLine: 7, endColumn: 23 },
        { messageId: 'allCapabilities', data: { service: 'debug' }, line: 10, column: 15, endLine: 10, endColumn: 20 },
      ],
      output: null,
    },
  ],
});
