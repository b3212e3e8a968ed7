import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const filename = 'compose.yaml';

new RuleTester().run('no-undefined-references', rule, {
  valid: [
    {
      name: 'every kind of reference, defined',
      filename,
      code: [
        'services:',
        '  web:',
        '    image: web:1',
        '    depends_on: [db]',
        '    links: ["db:database"]',
        '    volumes_from: ["db:ro", "container:legacy"]',
        '    networks: [default, back]',
        '    volumes: [data:/data, ./src:/src, /cache]',
        '    secrets: [token]',
        '    configs: [{source: nginx, target: /etc/nginx.conf}]',
        '  db:',
        '    image: postgres:17',
        '    network_mode: "service:web"',
        'networks: {back: {}}',
        'volumes: {data: {}}',
        'secrets: {token: {file: ./token.txt}}',
        'configs: {nginx: {file: ./nginx.conf}}',
        '',
      ].join('\n'),
    },
    {
      name: 'a service of the override file counts, and the override refers to the main file',
      filename: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:17\nnetworks:\n  back: {}\n' },
      code: 'services:\n  web:\n    image: web:1\n    depends_on: [db]\n    networks: [back]\n',
    },
    {
      name: 'names from an included file count',
      filename,
      files: { 'db/compose.yaml': 'services:\n  db:\n    image: postgres:17\n' },
      code: 'include:\n  - db/compose.yaml\nservices:\n  web:\n    image: web:1\n    depends_on: [db]\n',
    },
    {
      name: 'extends and include read YAML files of any name',
      filename,
      files: { 'common.yaml': 'services:\n  base:\n    image: base:1\n', 'db.yaml': 'services:\n  db:\n    image: postgres:17\n' },
      code: 'include: [db.yaml]\nservices:\n  web:\n    extends: {file: common.yaml, service: base}\n    depends_on: [db]\n',
    },
    {
      name: 'an include that cannot be read: nothing is judged',
      filename,
      code: 'include:\n  - ../elsewhere/compose.yaml\nservices:\n  web:\n    image: web:1\n    depends_on: [db]\n',
    },
    { name: 'an optional dependency may be missing', filename, code: 'services:\n  web:\n    image: web:1\n    depends_on:\n      db: {condition: service_started, required: false}\n' },
    { name: 'a name from a variable that is not set', filename, code: 'services:\n  web:\n    image: web:1\n    volumes: ["${DATA}:/data"]\n' },
  ],
  invalid: [
    {
      name: 'a misspelt dependency, with the closest name suggested',
      filename,
      code: 'services:\n  web:\n    image: web:1\n    depends_on:\n      - postgress # the db\n  postgres:\n    image: postgres:17\n',
      errors: [
        {
          messageId: 'undefinedService',
          data: { service: 'web', name: 'postgress', key: 'depends_on' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 18,
          suggestions: [
            { messageId: 'useName', data: { name: 'postgres' }, output: 'services:\n  web:\n    image: web:1\n    depends_on:\n      - postgres # the db\n  postgres:\n    image: postgres:17\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'map keys, service: references and the name part of short entries',
      filename,
      code: [
        'services:',
        '  web:',
        '    image: web:1',
        '    depends_on:',
        '      cache: {condition: service_started}',
        '    network_mode: "service:vpn"',
        '    links: [redis:cache]',
        '    volumes:',
        '      - "uploads:/srv/uploads:rw"',
        '    networks:',
        '      front: {}',
        '    secrets: [{source: api_key, target: key}]',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'undefinedService', data: { service: 'web', name: 'cache', key: 'depends_on' }, line: 5, column: 7, endLine: 5, endColumn: 12, suggestions: [] },
        { messageId: 'undefinedService', data: { service: 'web', name: 'vpn', key: 'network_mode' }, line: 6, column: 28, endLine: 6, endColumn: 31 },
        { messageId: 'undefinedService', data: { service: 'web', name: 'redis', key: 'links' }, line: 7, column: 13, endLine: 7, endColumn: 18 },
        { messageId: 'undefinedResource', data: { service: 'web', name: 'uploads', singular: 'volume', section: 'volumes' }, line: 9, column: 10, endLine: 9, endColumn: 17 },
        { messageId: 'undefinedResource', data: { service: 'web', name: 'front', singular: 'network', section: 'networks' }, line: 11, column: 7, endLine: 11, endColumn: 12 },
        { messageId: 'undefinedResource', data: { service: 'web', name: 'api_key', singular: 'secret', section: 'secrets' }, line: 12, column: 24, endLine: 12, endColumn: 31 },
      ],
      output: null,
    },
    {
      name: 'extends naming a service that does not exist, at the service name',
      filename,
      code: 'services:\n  web:\n    extends:\n      service: bsae\n    image: web:1\n  base:\n    image: base:1\n',
      errors: [{ messageId: 'brokenExtends', line: 4, column: 16, endLine: 4, endColumn: 20 }],
      output: null,
    },
  ],
});
