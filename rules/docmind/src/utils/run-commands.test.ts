import { describe, expect, it } from 'vitest';
import { shellCommands } from './run-commands.js';

describe('shellCommands', () => {
  it('splits on operators and drops assignments, keywords and wrappers', () => {
    expect(shellCommands('DEBIAN_FRONTEND=noninteractive apt-get update && sudo useradd -m app; if true; then echo ok; fi', '\\')).toEqual([
      ['apt-get', 'update'],
      ['useradd', '-m', 'app'],
      ['true'],
      ['echo', 'ok'],
    ]);
  });

  it('joins Dockerfile line continuations and skips comment lines', () => {
    expect(shellCommands('apk add \\\n    # the client\n    curl \\\n && adduser -D app', '\\')).toEqual([
      ['apk', 'add', 'curl'],
      ['adduser', '-D', 'app'],
    ]);
  });

  it('honours another escape character', () => {
    expect(shellCommands('useradd `\n  app', '`')).toEqual([['useradd', 'app']]);
  });

  it('keeps variables as written and skips redirection targets', () => {
    expect(shellCommands('useradd -u "$UID" app > /dev/null', '\\')).toEqual([['useradd', '-u', '$UID', 'app']]);
  });
});
