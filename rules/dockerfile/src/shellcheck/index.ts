import { realpathSync } from 'node:fs';
import path from 'node:path';
import { createRule } from '../utils/create-rule.js';
import { runVisitors } from '../utils/run-instruction.js';
import { PositionMapper, shellcheckFileText } from './positions.js';
import { LEVELS, runShellcheck, shellcheckVersion, type Finding, type Level } from './runner.js';
import { shellcheckScript, type ShellcheckScript } from './scripts.js';

export type Options = [
  {
    /** The least severe ShellCheck level to report. */
    severity: Level;
    /** ShellCheck codes never to report (`SC2086`). */
    exclude: string[];
    /** Absolute path of the shellcheck program; default: `shellcheck` on PATH. */
    path?: string;
  },
];
export type MessageIds = 'finding' | 'applyFix' | 'unavailable' | 'failed' | 'pathRefused';

/**
 * Codes always left out: SC1090/SC1091 say a sourced file could not be read. The files a RUN sources
 * (`. /etc/os-release`) live in the image being built, never on the machine that lints.
 */
const ALWAYS_EXCLUDED = [1090, 1091];
const TIMEOUT_MS = 20_000;
const REPEATED_SPACES = 2291;
const CODE = /^(?:SC)?(\d{4})$/i;

/** What was learnt about each program this process: `missing` ones are not tried again. */
const programs = new Map<string, 'present' | 'missing'>();
/** Programs whose absence (or refusal) was already reported in this process. */
const noticed = new Set<string>();
/**
 * ShellCheck's findings by program, options and script text, for the scripts linted again unchanged
 * (each `--fix` pass, an editor re-linting a file where one RUN changed). Bounded; oldest out first.
 */
const results = new Map<string, readonly Finding[]>();
const MAX_CACHED_SCRIPTS = 2000;

function remember(key: string, findings: readonly Finding[]): void {
  results.delete(key);
  results.set(key, findings);
  if (results.size > MAX_CACHED_SCRIPTS) results.delete(results.keys().next().value!);
}

export default createRule<MessageIds, Options>({
  name: 'shellcheck',
  meta: {
    type: 'problem',
    docs: {
      description: 'Check RUN scripts with ShellCheck, when it is installed, and report its findings at their exact place',
      recommended: false,
      sources: { hadolint: ['SC*'] },
    },
    messages: {
      finding: '{{code}} ({{level}}): {{message}}',
      applyFix: "Apply ShellCheck's fix for {{code}}.",
      unavailable:
        'ShellCheck was not found ({{where}}), so the shellcheck rule checks nothing. Install ShellCheck 0.7 or later (apt-get install shellcheck, brew install shellcheck) or set the rule\'s `path` option. This notice is given once per process.',
      failed: 'ShellCheck could not check the RUN scripts of this file: {{reason}}.',
      pathRefused:
        'The shellcheck rule\'s `path` ({{path}}) is refused: it must be an absolute path outside the linted project, so that a linted repository cannot make the linter run a program it ships.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          severity: {
            type: 'string',
            enum: [...LEVELS],
            description: 'The least severe ShellCheck level to report (`style` reports everything, `error` only errors).',
          },
          exclude: {
            type: 'array',
            items: { type: 'string', pattern: '^(SC|sc)?[0-9]{4}$' },
            uniqueItems: true,
            description: 'ShellCheck codes never to report, such as `SC2086`.',
          },
          path: {
            type: 'string',
            minLength: 1,
            description: 'Absolute path of the `shellcheck` program (outside the linted project). Default: `shellcheck` found on PATH.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ severity: 'style', exclude: [] }],
    hasSuggestions: true,
    // For --cache: results change when ShellCheck is installed, removed or upgraded.
    environment: shellcheckEnvironment,
  },
  create(context, [options]) {
    const scripts: ShellcheckScript[] = [];
    const hadolint = hadolintSettings(context.settings);
    return {
      ...runVisitors((instruction) => {
        const script = shellcheckScript(instruction);
        if (script) scripts.push(script);
      }),
      'Dockerfile:exit': (dockerfile) => {
        if (scripts.length === 0) return;
        const program = resolveProgram(options.path, context.project.root);
        if ('refused' in program) {
          if (!noticed.has(program.key)) {
            noticed.add(program.key);
            context.report({ range: [0, 0], messageId: 'pathRefused', data: { path: program.refused }, severity: 'warn' });
          }
          return;
        }
        if (programs.get(program.key) === 'missing') return;
        const excluded = [...options.exclude, ...hadolint.ignored];
        const exclude = [...new Set([...ALWAYS_EXCLUDED, ...excluded.flatMap((code) => codeNumber(code) ?? [])])].sort((a, b) => a - b);
        const texts = scripts.map(shellcheckFileText);
        const keyOf = (text: string): string => `${program.key}\0${options.severity}\0${exclude.join(',')}\0${text}`;
        const cacheKeys = texts.map(keyOf);
        const unchecked = [...new Set(texts.filter((_, index) => !results.has(cacheKeys[index]!)))];
        const outcome = runShellcheck({ program: program.program, files: unchecked, severity: options.severity, exclude, timeoutMs: TIMEOUT_MS });
        if (outcome.kind === 'missing') {
          programs.set(program.key, 'missing');
          if (!noticed.has(program.key)) {
            noticed.add(program.key);
            context.report({ range: [0, 0], messageId: 'unavailable', data: { where: program.where }, severity: 'warn' });
          }
          return;
        }
        programs.set(program.key, 'present');
        if (outcome.kind === 'failed') {
          context.report({ range: scripts[0]!.instruction.keywordRange, messageId: 'failed', data: { reason: outcome.reason } });
          return;
        }
        unchecked.forEach((text, index) => remember(keyOf(text), outcome.findings[index] ?? []));
        scripts.forEach((script, index) => {
          for (const finding of results.get(cacheKeys[index]!) ?? []) report(script, finding, dockerfile.escapeCharacter);
        });
      },
    };

    /** Reported as a warning: ShellCheck's infos and styles, or what `.hadolint.yaml` overrides to below `error`. */
    function softened(finding: Finding): boolean {
      const override = hadolint.override.get(finding.code);
      return override ? override !== 'error' : finding.level === 'info' || finding.level === 'style';
    }

    function report(script: ShellcheckScript, finding: Finding, escapeCharacter: string): void {
      const mapper = new PositionMapper(script);
      const range = mapper.fileRange(finding.line, finding.column, finding.endLine, finding.endColumn);
      // SC2291 (repeated spaces collapse): the indentation of a continued line is not the author's spacing.
      if (finding.code === REPEATED_SPACES && context.sourceFile.text.slice(range[0], range[1]).includes('\n')) return;
      const code = `SC${finding.code}`;
      const edits = finding.replacements && finding.replacements.length > 0 ? mapper.edits(finding.replacements, escapeCharacter) : undefined;
      context.report({
        range,
        messageId: 'finding',
        data: { code, level: finding.level, message: finding.message },
        code,
        ...(softened(finding) ? { severity: 'warn' as const } : {}),
        suggest: edits
          ? [
              {
                messageId: 'applyFix',
                data: { code },
                fix: (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
              },
            ]
          : null,
      });
    }
  },
});

/**
 * The ShellCheck the rule would run, as `--cache` keys results on it: the program (PATH, or the `path`
 * option) and its `--version`. A refused `path` is not run, here either.
 */
function shellcheckEnvironment(options: readonly unknown[], root: string): string {
  const given: unknown = options[0];
  const option = typeof given === 'object' && given !== null && 'path' in given && typeof given.path === 'string' ? given.path : undefined;
  const program = resolveProgram(option, root);
  if ('refused' in program) return `${program.key} (refused)`;
  return `${program.key} ${shellcheckVersion(program.program)}`;
}

type Program = { readonly program: string; readonly key: string; readonly where: string } | { readonly refused: string; readonly key: string };

/**
 * The program to run. The default, `shellcheck` on PATH, comes from the environment of whoever runs
 * the linter. A `path` comes from a config, which may be part of the linted tree: it must be absolute
 * and must not lie inside the project (links resolved), or any repository could ship a program
 * named in its own config.
 */
function resolveProgram(option: string | undefined, root: string): Program {
  if (option === undefined) {
    const pathValue = process.env['PATH'] ?? '';
    return { program: 'shellcheck', key: `PATH=${pathValue}`, where: 'no `shellcheck` on PATH' };
  }
  const key = `path=${option}`;
  if (!path.isAbsolute(option)) return { refused: option, key };
  const real = realOrSelf(option);
  const realRoot = realOrSelf(root);
  const relative = path.relative(realRoot, real);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (!outside) return { refused: option, key };
  return { program: real, key, where: `no program at ${option}` };
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * `settings.hadolint.shellcheck`, which the core fills from a `.hadolint.yaml`: SC codes it `ignored`
 * (left out, as with `exclude`) and the severities it gives codes in `override` (ignored wins).
 */
function hadolintSettings(settings: Readonly<Record<string, unknown>>): { ignored: string[]; override: Map<number, string> } {
  const hadolint = settings['hadolint'];
  const shellcheck = isRecord(hadolint) ? hadolint['shellcheck'] : undefined;
  const ignored = isRecord(shellcheck) && Array.isArray(shellcheck['ignored']) ? shellcheck['ignored'].filter((code): code is string => typeof code === 'string') : [];
  const override = new Map<number, string>();
  const given = isRecord(shellcheck) ? shellcheck['override'] : undefined;
  if (isRecord(given)) {
    for (const level of ['error', 'warning', 'info', 'style']) {
      const codes = given[level];
      if (!Array.isArray(codes)) continue;
      for (const code of codes) {
        const number = typeof code === 'string' ? codeNumber(code) : undefined;
        if (number !== undefined) override.set(number, level);
      }
    }
  }
  return { ignored, override };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codeNumber(code: string): number | undefined {
  const match = CODE.exec(code);
  return match ? Number(match[1]) : undefined;
}

