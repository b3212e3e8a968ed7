import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintText } from '../api/lint-text.js';
import { buildkitPreset, hadolintDefaultLevel, hadolintPreset } from './peer-presets.js';

const rule = (hadolint?: string[]) => ({ meta: { docs: { sources: hadolint ? { hadolint } : {} } } });

describe('hadolintPreset', () => {
  it("maps each rule to the highest default level of its codes; other rules off", () => {
    expect(
      hadolintPreset({
        maintainer: rule(['DL4000']),
        pinned: rule(['DL3006', 'DL3007']),
        cleanup: rule(['DL3009', 'DL3032']),
        casing: rule(['DL3048']),
        healthcheck: rule(['DL3057']),
        pragma: rule(['DL1001']),
        mixed: rule(['DL3059', 'DL3061']),
        shellcheck: rule(['SC*']),
        ours: rule(),
        python: rule(['DL3006']),
      }, ['python']).rules,
    ).toEqual({
      maintainer: 'error',
      pinned: 'warn',
      cleanup: 'warn',
      casing: 'warn',
      healthcheck: 'off',
      pragma: 'off',
      mixed: 'error',
      shellcheck: 'warn',
      ours: 'off',
      python: 'off',
    });
  });

  it('knows every DL code hadolint 2.15 has, and no removed one', () => {
    expect(hadolintDefaultLevel('DL3008')).toBe('warning');
    expect(hadolintDefaultLevel('DL3017')).toBeUndefined();
    expect(hadolintDefaultLevel('DL4002')).toBeUndefined();
  });
});

describe('the hadolint preset of the built-in packs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docmind-hadolint-preset-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports hadolint checks at hadolint levels and nothing else from the Dockerfile packs', async () => {
    writeFileSync(path.join(dir, '.docmind-docker-lint.json'), JSON.stringify({ root: true, extends: ['hadolint'] }));
    const text = [
      'from ubuntu',
      'MAINTAINER someone@example.com',
      'RUN apt-get update && apt-get install -y curl',
      'RUN cd /tmp',
      'RUN echo two',
      'CMD python app.py',
      '',
    ].join('\n');
    const [result] = await lintText(text, { cwd: dir, filePath: 'Dockerfile' });
    const found = result!.messages.map((message) => `${message.line}:${message.ruleId}:${message.severity}`);
    expect(found).toEqual(
      expect.arrayContaining([
        '1:from-image-pinned:1', // DL3006 warning
        '2:no-maintainer:2', // DL4000 error
        '3:apt-packages-pinned:1', // DL3008 warning
        '3:apt-get-no-install-recommends:1', // DL3015 info
        '3:require-package-cache-cleanup:1', // DL3009 info
        '4:no-cd:1', // DL3003 warning
        '5:no-consecutive-run:1', // DL3059 info
        '6:require-exec-form:1', // DL3025 warning
        '1:non-root-user:1', // DL3002 warning (docmind pack)
      ]),
    );
    // Not hadolint checks: BuildKit's casing check, python-version-pin, HEALTHCHECK (DL3057 is off in hadolint).
    const ids = new Set(result!.messages.map((message) => message.ruleId));
    for (const id of ['instruction-casing', 'python-version-pin', 'healthcheck-present', 'no-ignore-pragma']) expect(ids).not.toContain(id);
  });
});

describe('the buildkit preset', () => {
  it('turns on the rules covering default BuildKit checks as warnings, not the experimental one', () => {
    const bk = (buildkit?: string[]) => ({ meta: { docs: { sources: buildkit ? { buildkit } : {} } } });
    expect(buildkitPreset({ a: bk(['StageNameCasing']), b: bk(['InvalidDefinitionDescription']), c: bk() }).rules).toEqual({ a: 'warn', b: 'off', c: 'off' });
  });

  it('reports what docker build would warn about, and nothing else from the Dockerfile packs', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'docmind-buildkit-preset-'));
    try {
      writeFileSync(path.join(dir, '.docmind-docker-lint.json'), JSON.stringify({ root: true, extends: ['buildkit'] }));
      const text = 'FROM alpine:3.20 as Build\nMAINTAINER me\nRUN cd /tmp\nCMD echo hi\n';
      const [result] = await lintText(text, { cwd: dir, filePath: 'Dockerfile' });
      expect(result!.messages.map((message) => `${message.line}:${message.ruleId}:${message.severity}`).sort()).toEqual([
        '1:from-as-casing:1',
        '1:stage-name-casing:1',
        '2:no-maintainer:1',
        '4:require-exec-form:1',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
