import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('volumes-no-quotes', rule, {
  valid: [
    { filename, code: 'services:\n  web:\n    image: w:1\n    volumes:\n      - ./data:/data\n      - logs:/var/log:ro\n' },
    { name: 'quotes YAML needs stay', filename, code: 'services:\n  web:\n    image: w:1\n    volumes:\n      - "./my data #1:/data"\n      - "${DATA_DIR}:/data"\n      - "./a\\tb:/x"\n' },
  ],
  invalid: [
    {
      name: 'quotes go, comments stay',
      filename,
      code: "services:\n  web:\n    image: w:1\n    volumes:\n      - \"./data:/data\" # app data\n      - 'logs:/var/log:ro'\n",
      errors: [
        { messageId: 'quoted', data: { volume: './data:/data' }, line: 5, column: 9, endLine: 5, endColumn: 23 },
        { messageId: 'quoted', data: { volume: 'logs:/var/log:ro' }, line: 6, column: 9, endLine: 6, endColumn: 27 },
      ],
      output: 'services:\n  web:\n    image: w:1\n    volumes:\n      - ./data:/data # app data\n      - logs:/var/log:ro\n',
    },
  ],
});
