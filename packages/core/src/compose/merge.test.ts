import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeValue } from './compose-value.js';
import { composeYamlTags } from './compose-tags.js';
import { mergeCompose } from './merge.js';

const data = (text: string): unknown => composeValue(parseDocument(text, { customTags: composeYamlTags }), { keepTags: true }).value;

describe('mergeCompose', () => {
  it('merges maps, appends sequences, replaces scalars and commands', () => {
    const base = data('services:\n  web:\n    image: a\n    command: [run, a]\n    cap_add: [NET_ADMIN]\n    healthcheck:\n      test: [CMD, a]\n      interval: 5s\n');
    const override = data('services:\n  web:\n    image: b\n    command: [run, b]\n    cap_add: [SYS_TIME]\n    healthcheck:\n      test: [CMD, b]\n');
    expect(mergeCompose(base, override)).toEqual({
      services: {
        web: { image: 'b', command: ['run', 'b'], cap_add: ['NET_ADMIN', 'SYS_TIME'], healthcheck: { test: ['CMD', 'b'], interval: '5s' } },
      },
    });
  });

  it('merges environment and labels in either form by key', () => {
    const base = data('services:\n  web:\n    environment:\n      - A=1\n      - B=2\n    labels: {x: "1"}\n');
    const override = data('services:\n  web:\n    environment:\n      B: 3\n      C: null\n    labels: ["y=2"]\n');
    expect(mergeCompose(base, override)).toEqual({
      services: { web: { environment: { A: '1', B: 3, C: null }, labels: { x: '1', y: '2' } } },
    });
  });

  it('de-duplicates ports by definition and volumes by target', () => {
    const base = data('services:\n  web:\n    ports: ["80:80", "443:443"]\n    volumes: ["./a:/data", "logs:/logs"]\n');
    const override = data('services:\n  web:\n    ports: ["80:80", "8080:8080"]\n    volumes: ["./b:/data:ro"]\n');
    expect(mergeCompose(base, override)).toEqual({
      services: { web: { ports: ['80:80', '443:443', '8080:8080'], volumes: ['./b:/data:ro', 'logs:/logs'] } },
    });
  });

  it('turns depends_on lists into maps before merging', () => {
    const base = data('services:\n  web:\n    depends_on: [db]\n');
    const override = data('services:\n  web:\n    depends_on:\n      cache:\n        condition: service_started\n');
    expect(mergeCompose(base, override)).toEqual({
      services: { web: { depends_on: { db: null, cache: { condition: 'service_started' } } } },
    });
  });

  it('honours !reset and !override', () => {
    const base = data('services:\n  web:\n    ports: ["80:80"]\n    environment: {A: 1, B: 2}\n    build: ./web\n');
    const override = data('services:\n  web:\n    ports: !reset []\n    environment: !override\n      C: 3\n');
    expect(mergeCompose(base, override)).toEqual({ services: { web: { environment: { C: 3 }, build: './web' } } });
  });

  it('replaces logging options when the driver changes, merges them otherwise', () => {
    const base = data('services:\n  web:\n    logging: {driver: json-file, options: {max-size: 1m}}\n');
    expect(mergeCompose(base, data('services:\n  web:\n    logging: {driver: syslog}\n'))).toEqual({
      services: { web: { logging: { driver: 'syslog' } } },
    });
    expect(mergeCompose(base, data('services:\n  web:\n    logging: {options: {max-file: "3"}}\n'))).toEqual({
      services: { web: { logging: { driver: 'json-file', options: { 'max-size': '1m', 'max-file': '3' } } } },
    });
  });

  it('merges a short build into a long one', () => {
    expect(mergeCompose(data('services:\n  web:\n    build: ./app\n'), data('services:\n  web:\n    build:\n      target: prod\n'))).toEqual({
      services: { web: { build: { context: './app', target: 'prod' } } },
    });
  });
});
