import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { makeCreateRule, type InstructionNode, type DockerfileNode, type Plugin } from '@docmind-docker-lint/core';
import { main } from './main.js';

const createRule = makeCreateRule((name) => `https://example.test/rules/${name}`);

/** Errors on `:latest` images (hadolint DL3007), fixing them to `:1`. */
const noLatestTag = createRule({
  name: 'no-latest-tag',
  meta: {
    type: 'problem',
    docs: { description: 'Pin images to a tag other than latest.', recommended: true, sources: { hadolint: ['DL3007'] } },
    messages: { latest: 'Image "{{image}}" uses the latest tag.' },
    schema: [],
    defaultOptions: [],
    fixable: 'code',
  },
  create(context) {
    return {
      FROM(node: InstructionNode) {
        const match = /(\S+)(:latest)\b/u.exec(node.argsText);
        if (!match) return;
        const start = node.argsRange[0] + match.index + match[1]!.length;
        const range = [start, start + ':latest'.length] as const;
        context.report({ range, messageId: 'latest', data: { image: match[0] }, fix: (fixer) => fixer.replaceTextRange(range, ':1') });
      },
    };
  },
});

/** Warns when a Dockerfile has no USER (hadolint DL3002, loosely). */
const requireUser = createRule({
  name: 'require-user',
  meta: {
    type: 'suggestion',
    docs: { description: 'Images should not run as root.', recommended: true, sources: { hadolint: ['DL3002'] } },
    messages: { root: 'The image runs as root.' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Dockerfile:exit'(node: DockerfileNode) {
        const last = node.instructions.at(-1);
        if (last && !node.instructions.some((instruction) => instruction.keyword === 'USER')) context.report({ node: last, messageId: 'root' });
      },
    };
  },
});

/** Requires the labels of its `schema` option (hadolint's label-schema, DL3049). */
const labelSchema = createRule<'missing', [{ schema: Record<string, string>; strict: boolean }]>({
  name: 'label-schema',
  meta: {
    type: 'suggestion',
    docs: { description: 'Require labels.', sources: { hadolint: ['DL3049'] } },
    messages: { missing: 'Label "{{label}}" is missing.' },
    schema: [
      {
        type: 'object',
        properties: {
          schema: { type: 'object', additionalProperties: { type: 'string' }, description: 'Labels.' },
          strict: { type: 'boolean', description: 'Strict.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ schema: {}, strict: false }],
  },
  create(context, [options]) {
    return {
      'Dockerfile:exit'(node: DockerfileNode) {
        const text = context.sourceFile.text;
        const first = node.instructions[0];
        if (!first) return;
        for (const label of Object.keys(options.schema)) {
          if (!text.includes(`LABEL ${label}=`)) context.report({ node: first, messageId: 'missing', data: { label } });
        }
      },
    };
  },
});

export const integrationPlugin: Plugin = {
  meta: { name: 'integration-plugin' },
  rules: { 'no-latest-tag': noLatestTag, 'require-user': requireUser, 'label-schema': labelSchema },
  configs: {
    recommended: { rules: { 'no-latest-tag': 'error', 'require-user': 'warn' } },
    docmind: { rules: { 'no-latest-tag': 'error', 'require-user': 'error' } },
  },
};

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  /** Default: the integration plugin; `null` for the built-in packs. */
  readonly plugins?: Plugin[] | null;
  readonly env?: Record<string, string>;
  readonly stderrIsTTY?: boolean;
}

/** Runs the CLI in-process on a folder, collecting its output. */
export async function runCli(argv: readonly string[], options: RunOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdin: Readable.from([]),
      cwd: options.cwd,
      env: options.env ?? {},
      isTTY: false,
      ...(options.stderrIsTTY ? { stderrIsTTY: true } : {}),
    },
    options.plugins === null ? {} : { plugins: options.plugins ?? [integrationPlugin] },
  );
  return { code, stdout, stderr };
}

/** A temporary project folder holding these files; remove it with `fs.rmSync(folder, { recursive: true })`. */
export function makeProject(files: Readonly<Record<string, string>>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'docmind-cli-integration-'));
  for (const [name, text] of Object.entries(files)) {
    const filePath = path.join(folder, name);
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    fs.writeFileSync(filePath, text);
  }
  return folder;
}
