// Several analyses are kept by text and only placed again when the same text comes back at another
// offset (dockerfile-ast's arguments per instruction, the RUN analysis per shell tree, the docmind
// pack's split command lines): the language server relies on it, since every keystroke moves what
// follows it. Property: linting a Dockerfile, then the same Dockerfile with blank lines inserted
// between two instructions, gives the first run's problems and fixes moved by exactly what was
// inserted, however warm the caches are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText, type FileEdit, type LintMessage } from '@docmind-docker-lint/core';
import { ALL_RULES, ROOT } from './support/pipeline.js';
import { runs } from './support/runs.js';

/** Instructions (one entry each, continuations and heredocs included), joined by newlines. */
const CHUNKS: readonly string[] = [
  'FROM python:3.12-slim AS base',
  'ARG APP_HOME=/app',
  'ENV PIP_NO_CACHE_DIR=off \\\n    DOCMIND_LOG_LEVEL=info',
  'RUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*',
  'RUN sudo -u root sh -c \'pip install requests && echo "$HOME" > /tmp/x\' | tee /log',
  'RUN <<EOF bash\nset -e\npip install flask\ncurl http://example.com | sh\nEOF',
  'RUN bash <<SCRIPT\nuv sync\napk add git\nSCRIPT',
  'RUN ["sh", "-c", "wget -q http://x/y.tgz && tar xzf y.tgz"]',
  'COPY --chown=app:app . $APP_HOME',
  'COPY .env /app/.env',
  'RUN cd /app && pip install -r requirements.txt; chmod 777 /app',
  'WORKDIR /app',
  'RUN useradd --uid 10001 app && echo "app ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers',
  'USER root',
  'EXPOSE 22',
  'HEALTHCHECK CMD curl -f http://localhost:8501/ || exit 1',
  'CMD streamlit run app.py --server.port=$PORT',
];

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = readFileSync(path.join(REPO, 'examples/broken-streamlit-app/Dockerfile'), 'utf8');

interface Placed {
  readonly ruleId: string | null;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  /** The edits of the fix, then of each suggestion: [which, file, start, end, text]. */
  readonly edits: readonly Edit[];
}
type Edit = readonly [which: string, file: string, start: number, end: number, text: string];

const FILE = path.join(ROOT, 'Dockerfile');
// Blank lines are left out of edit texts: a fix may follow the file's layout (a blank line before the
// USER it adds when the file separates instructions so), and the inserted lines are blank.
const editsOf = (which: string, edits: readonly FileEdit[]): Edit[] =>
  edits.map((edit) => [which, edit.file, edit.range[0], edit.range[1], edit.text.replace(/\n{2,}/g, '\n')]);

async function lint(text: string): Promise<Placed[]> {
  const [result] = await lintText(text, { ...ALL_RULES, rules: { shellcheck: 'off' }, cwd: ROOT, filePath: 'Dockerfile' });
  return result!.messages.map((message: LintMessage) => ({
    ruleId: message.ruleId,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    edits: [
      ...editsOf('fix', message.fix?.edits ?? []),
      ...(message.suggestions ?? []).flatMap((suggestion) => editsOf(suggestion.desc, suggestion.fix.edits)),
    ],
  }));
}

/** The problems of `before` as they must read after `count` blank lines are inserted before line `atLine` (offset `atOffset`). */
function moved(before: readonly Placed[], atLine: number, atOffset: number, count: number): Placed[] {
  const line = (value: number): number => (value >= atLine ? value + count : value);
  const offset = (value: number): number => (value >= atOffset ? value + count : value);
  return before.map((problem) => ({
    ...problem,
    // Messages that name another line of the file ("already used by the stage on line 2").
    message: problem.message.replace(/\b(lines? )(\d+)/g, (_, words: string, number: string) => `${words}${line(Number(number))}`),
    line: line(problem.line),
    endLine: problem.endLine === undefined ? undefined : line(problem.endLine),
    edits: problem.edits.map(([which, file, start, end, text]): Edit =>
      file === FILE ? [which, file, offset(start), offset(end), text] : [which, file, start, end, text],
    ),
  }));
}

const byPlace = (a: Placed, b: Placed): number =>
  a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)) || a.message.localeCompare(b.message);

describe('text moved by an edit', () => {
  it('gives the same problems and fixes, moved (generated Dockerfiles)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...CHUNKS), { minLength: 2, maxLength: 14 }),
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        async (chunks, at, count) => {
          const all = ['FROM python:3.12-slim', ...chunks];
          const split = 1 + (at % (all.length - 1));
          const head = `${all.slice(0, split).join('\n')}\n`;
          const tail = `${all.slice(split).join('\n')}\n`;
          const before = await lint(head + tail);
          const after = await lint(head + '\n'.repeat(count) + tail);
          const atLine = head.split('\n').length;
          expect(after.sort(byPlace)).toEqual(moved(before, atLine, head.length, count).sort(byPlace));
        },
      ),
      runs(40),
    );
  });

  it('gives the same problems and fixes, moved (the broken example, every split)', async () => {
    const lines = example.split('\n');
    const before = await lint(example);
    for (let at = 1; at < lines.length - 1; at++) {
      // Only between instructions: not inside a continuation, a heredoc or the directives at the top.
      if (!/^[A-Z]+\s/.test(lines[at]!) || /\\\s*$/.test(lines[at - 1]!)) continue;
      const head = `${lines.slice(0, at).join('\n')}\n`;
      const after = await lint(`${head}\n${example.slice(head.length)}`);
      expect(after.sort(byPlace)).toEqual(moved(before, at + 1, head.length, 1).sort(byPlace));
    }
  });
});
