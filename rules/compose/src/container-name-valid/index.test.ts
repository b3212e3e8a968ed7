import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('container-name-valid', rule, {
  valid: [
    { filename, code: 'services:\n  a:\n    image: x:1\n    container_name: my-app_1.web\n' },
    { name: 'a variable that is not known', filename, code: 'services:\n  a:\n    image: x:1\n    container_name: ${PROJECT}-web\n' },
  ],
  invalid: [
    {
      filename,
      code: 'services:\n  a:\n    image: x:1\n    container_name: "-web"\n  b:\n    image: x:1\n    container_name: my app\n',
      errors: [
        { messageId: 'invalidName', data: { service: 'a', name: '-web' }, line: 4, column: 21, endLine: 4, endColumn: 27 },
        { messageId: 'invalidName', data: { service: 'b', name: 'my app' }, line: 7, column: 21, endLine: 7, endColumn: 27 },
      ],
      output: null,
    },
    {
      name: 'a value from .env is judged but the message shows the text as written',
      filename,
      code: 'services:\n  a:\n    image: x:1\n    container_name: ${NAME}\n',
      files: { '.env': 'NAME=bad name\n' },
      errors: [{ messageId: 'invalidName', data: { service: 'a', name: '${NAME}' }, line: 4, column: 21, endLine: 4, endColumn: 28 }],
      output: null,
    },
  ],
});
