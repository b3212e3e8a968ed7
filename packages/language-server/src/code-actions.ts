import path from 'node:path';
import type { InstructionNode, LintMessage, OffsetRange, SourceFile } from '@docmind-docker-lint/core';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { disableDirectiveEdit } from './disable-directive-edit.js';
import { fixAllText } from './fix-all.js';
import { fixToWorkspaceEdit, type EditSupport } from './fix-to-workspace-edit.js';
import { minimalEdit } from './minimal-edit.js';
import type { DocumentView } from './offset-positions.js';

/** The fix-all kind, for `editor.codeActionsOnSave` and `context.only`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.docmind-docker-lint`;

export interface CodeActionInput {
  /** The linted document. */
  readonly view: DocumentView;
  /** Its text as the core saw it (without BOM), path and kind. */
  readonly source: SourceFile;
  /** Its instructions when it is a Dockerfile, from the lint's parse. */
  readonly instructions: readonly InstructionNode[];
  /** Its problems, in position order. */
  readonly messages: readonly LintMessage[];
  readonly diagnosticOf: (message: LintMessage) => Diagnostic;
  /** Any file a fix edits, as the client sees it; `undefined` when it cannot be read. */
  readonly viewOf: (filePath: string) => DocumentView | undefined;
  readonly editSupport: EditSupport;
  /** The document's problems for another text of it (fix-all passes). */
  readonly relint: (text: string) => readonly LintMessage[];
  readonly isCancelled: () => boolean;
}

/**
 * The code actions for a range of a document: for every problem that touches it, its fix (a `quickfix`,
 * preferred when it is the problem's only remedy), each of its suggestions, and "disable <rule> for this
 * line"; then fix-all when any problem of the document has a fix. `only` filters by kind, as LSP says
 * (a kind matches itself and its sub-kinds).
 */
export function codeActionsFor(input: CodeActionInput, range: OffsetRange, only: readonly string[] | undefined): CodeAction[] {
  const wants = (kind: string): boolean => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const message of input.messages) {
      if (message.ruleId && touches(message.range, range)) actions.push(...problemActions(input, message, message.ruleId));
    }
  }
  if (wants(FIX_ALL_KIND) && input.messages.some((message) => message.ruleId && message.fix)) {
    const fixAll = fixAllAction(input);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function problemActions(input: CodeActionInput, message: LintMessage, ruleId: string): CodeAction[] {
  const diagnostics = [input.diagnosticOf(message)];
  const actions: CodeAction[] = [];
  const fix = message.fix && fixToWorkspaceEdit(message.fix, input.viewOf, input.editSupport);
  if (fix) {
    const onlyRemedy = fix.complete && !(message.suggestions?.length ?? 0);
    actions.push({
      title: fix.complete ? `Fix this ${ruleId} problem` : `Fix this ${ruleId} problem (creates ${createdNames(message)}; save it)`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: fix.edit,
      ...(onlyRemedy ? { isPreferred: true } : {}),
    });
  }
  for (const suggestion of message.suggestions ?? []) {
    const converted = fixToWorkspaceEdit(suggestion.fix, input.viewOf, input.editSupport);
    if (converted) actions.push({ title: suggestion.desc, kind: CodeActionKind.QuickFix, diagnostics, edit: converted.edit });
  }
  const directive = disableDirectiveEdit(input.source, message.range[0], ruleId, input.instructions);
  if (directive) {
    const disable = fixToWorkspaceEdit({ edits: [{ file: input.source.path, ...directive }] }, input.viewOf, input.editSupport);
    if (disable) actions.push({ title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics, edit: disable.edit });
  }
  return actions;
}

function fixAllAction(input: CodeActionInput): CodeAction | undefined {
  const { source, view } = input;
  const fixed = fixAllText(source.path, source.text, input.messages, input.relint, input.isCancelled);
  if (fixed === undefined) return undefined;
  const edit = minimalEdit(source.text, fixed);
  const converted = fixToWorkspaceEdit({ edits: [{ file: source.path, ...edit }] }, (filePath) => (filePath === source.path ? view : undefined), input.editSupport);
  return converted && { title: 'Fix all auto-fixable docmind-docker-lint problems', kind: FIX_ALL_KIND, edit: converted.edit satisfies WorkspaceEdit };
}

/** Whether a problem's range meets the requested range (an empty range at either end counts). */
function touches(problem: OffsetRange, requested: OffsetRange): boolean {
  return problem[0] <= requested[1] && requested[0] <= problem[1];
}

function createdNames(message: LintMessage): string {
  return (message.fix?.edits ?? []).filter((edit) => edit.create).map((edit) => path.basename(edit.file)).join(', ');
}
