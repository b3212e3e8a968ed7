import { pathToFileURL } from 'node:url';
import type { AnyRule, Fix, LintMessage, LintResult } from '@docmind-docker-lint/core';
import { packageVersion } from '../package-version.js';
import { formatterOf, type StreamFormatter } from './formatter.js';
import { reportPath } from './report-path.js';
import { SecretValues, type SecretMask } from './mask-secrets.js';
import { Spill } from './spill.js';

const TOOL_NAME = 'docmind-docker-lint';
const INFORMATION_URI = 'https://github.com/docmind/docmind-docker-lint';
/** The rule id of problems the linter reports itself (unused directives, files not linted): GitHub wants one on every result. */
const LINTER_RULE_ID = 'docmind-docker-lint';
/** The base every artifact URI is relative to; `originalUriBaseIds` says where it was on this run. */
const SRCROOT = '%SRCROOT%';

interface Region {
  readonly startLine?: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly charOffset?: number;
  readonly charLength?: number;
}

interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

interface SarifLocation {
  readonly physicalLocation: { readonly artifactLocation: ArtifactLocation; readonly region: Region };
  readonly message?: { readonly text: string };
}

interface SarifFix {
  readonly description: { readonly text: string };
  readonly artifactChanges: readonly {
    readonly artifactLocation: ArtifactLocation;
    readonly replacements: readonly { readonly deletedRegion: Region; readonly insertedContent: { readonly text: string } }[];
  }[];
}

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One run: `tool.driver.rules` holds
 * the rules that reported (description, help URI, type), each result points at its rule by id and
 * index (problems of the linter itself, such as unused directives, under the id
 * `docmind-docker-lint`), with the problem's exact region (1-based, end column exclusive, UTF-16 code units as in the
 * report), related locations, and its fix and suggestions as SARIF `fixes`. Problems an inline
 * directive silenced are results with an in-source suppression. Parse errors and rules that threw
 * are tool execution notifications, not results.
 */
export const sarifStream: StreamFormatter = ({ cwd, rulesMeta }, write) => {
  const artifactLocation = (filePath: string): ArtifactLocation => {
    const relative = reportPath(cwd, filePath);
    if (relative === filePath) return { uri: pathToFileURL(filePath).href };
    return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  };
  // The rule list, the invocation and the secret values come before the results in the log, and depend on
  // all of them: the results wait as JSON lines (in a temporary file on a large run), their rule index and
  // masked fix texts filled in at the end.
  const ruleIdSet = new Set<string>();
  const secrets = new SecretValues();
  const pending = new Spill();
  const notifications: unknown[] = [];
  let executionSuccessful = true;

  function resultOf(message: LintMessage, result: LintResult, location: SarifLocation, suppressed: boolean): SarifResult {
    const text = result.output ?? result.source;
    const fixes = [
      ...(message.fix ? [fixOf(`Fix: ${message.message}`, message.fix, result.filePath, text)] : []),
      ...(message.suggestions ?? []).map((suggestion) => fixOf(suggestion.desc, suggestion.fix, result.filePath, text)),
    ];
    const related = (message.related ?? []).map((place, index) => ({
      id: index,
      physicalLocation: { artifactLocation: artifactLocation(place.filePath), region: regionOf(place) },
      message: { text: place.message },
    }));
    const ruleId = message.ruleId ?? LINTER_RULE_ID;
    return {
      ruleId,
      // The index is known once every rule is: a placeholder holds the key's place.
      ruleIndex: -1,
      level: message.severity === 2 ? 'error' : 'warning',
      message: { text: message.message },
      locations: [location],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      ...(fixes.length > 0 ? { fixes } : {}),
      ...(suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
      // The wrapped tool's code (`SC2086`): the rule id names the rule, this the check inside it.
      ...(message.code !== undefined ? { properties: { code: message.code } } : {}),
    };
  }

  /** A fix; its inserted texts are masked at the end, once the run's secret values are known. */
  function fixOf(description: string, fix: Fix, filePath: string, text: string | undefined): SarifFix {
    const files = [...new Set(fix.edits.map((edit) => edit.file))];
    return {
      description: { text: description },
      artifactChanges: files.map((file) => ({
        artifactLocation: artifactLocation(file),
        replacements: fix.edits
          .filter((edit) => edit.file === file)
          .map((edit) => ({
            deletedRegion:
              file === filePath && text !== undefined
                ? offsetRegion(text, edit.range[0], edit.range[1])
                : { charOffset: edit.range[0], charLength: edit.range[1] - edit.range[0] },
            insertedContent: { text: edit.text },
          })),
      })),
    };
  }

  return {
    add(result) {
      secrets.add(result);
      if (result.messages.some((message) => message.internal)) executionSuccessful = false;
      const location = (message: LintMessage): SarifLocation => ({
        physicalLocation: { artifactLocation: artifactLocation(result.filePath), region: regionOf(message) },
      });
      const keep = (message: LintMessage, suppressed: boolean): void => {
        if (!isToolFailure(message)) ruleIdSet.add(message.ruleId ?? LINTER_RULE_ID);
        pending.append(`${JSON.stringify(resultOf(message, result, location(message), suppressed))}\n`);
      };
      for (const message of result.messages) {
        if (isToolFailure(message)) notifications.push(notificationOf(message, location(message)));
        else keep(message, false);
      }
      for (const message of result.suppressedMessages) keep(message, true);
    },
    dispose: () => pending.dispose(),
    end() {
      const ruleIds = [...ruleIdSet].sort();
      const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
      // Fix texts can carry a secret value a rule found (a reordered block): masked here, written as is by --fix.
      const mask = secrets.mask();
      const log = (results: readonly unknown[]) => ({
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: TOOL_NAME,
                version: packageVersion(),
                informationUri: INFORMATION_URI,
                rules: ruleIds.map((id) => ruleDescriptor(id, rulesMeta[id])),
              },
            },
            invocations: [{ executionSuccessful, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
            originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
            columnKind: 'utf16CodeUnits',
            results,
          },
        ],
      });
      // `JSON.stringify(log, null, 2)` with the results written one at a time, at the indent the array gives them.
      const text = JSON.stringify(log([RESULTS_MARK]), null, 2);
      const at = text.lastIndexOf(JSON.stringify(RESULTS_MARK));
      const indent = text.slice(text.lastIndexOf('\n', at) + 1, at);
      let written = 0;
      pending.readLines((line) => {
        const { ruleId, ruleIndex: _placeholder, ...rest } = JSON.parse(line) as SarifResult;
        const fixes = rest.fixes && mask ? { fixes: rest.fixes.map((fix) => maskFix(fix, mask)) } : {};
        const result = { ruleId, ruleIndex: ruleIndex.get(ruleId), ...rest, ...fixes };
        write((written === 0 ? text.slice(0, at) : `,\n${indent}`) + JSON.stringify(result, null, 2).replaceAll('\n', `\n${indent}`));
        written++;
      });
      if (written === 0) write(`${JSON.stringify(log([]), null, 2)}\n`);
      else write(`${text.slice(at + JSON.stringify(RESULTS_MARK).length)}\n`);
    },
  };
};

export const formatSarif = formatterOf(sarifStream);

/** Stands for the results in the log while its head and tail are written. */
const RESULTS_MARK = 'docmind-docker-lint:results';

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number | undefined;
  readonly fixes?: readonly SarifFix[];
  readonly [key: string]: unknown;
}

function maskFix(fix: SarifFix, mask: SecretMask): SarifFix {
  return {
    ...fix,
    artifactChanges: fix.artifactChanges.map((change) => ({
      ...change,
      replacements: change.replacements.map((replacement) => ({ ...replacement, insertedContent: { text: mask(replacement.insertedContent.text) } })),
    })),
  };
}

/** A parse error or a rule that threw: the tool could not check, which is not a finding. */
function isToolFailure(message: LintMessage): boolean {
  return message.fatal === true && (message.ruleId === null || message.internal === true);
}

function notificationOf(message: LintMessage, location: SarifLocation): unknown {
  return {
    level: 'error',
    message: { text: message.message },
    locations: [location],
    ...(message.ruleId !== null ? { associatedRule: { id: message.ruleId } } : {}),
  };
}

function ruleDescriptor(id: string, meta: AnyRule['meta'] | undefined): unknown {
  if (id === LINTER_RULE_ID) {
    return { id, shortDescription: { text: 'Problems the linter reports itself: unused disable directives, files it did not lint.' } };
  }
  if (!meta) return { id };
  return {
    id,
    shortDescription: { text: meta.docs.description },
    ...(meta.docs.url ? { helpUri: meta.docs.url, help: { text: `See ${meta.docs.url}`, markdown: `[${id}](${meta.docs.url})` } } : {}),
    properties: {
      tags: [meta.type],
      ...(meta.docs.recommended ? { recommended: true } : {}),
      ...(meta.fixable ? { fixable: true } : {}),
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
    },
  };
}

function regionOf(place: { line: number; column: number; endLine: number; endColumn: number }): Region {
  return { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn };
}

/** The region of `[start, end)` in `text`: 1-based lines and columns, the end column exclusive. */
function offsetRegion(text: string, start: number, end: number): Region {
  const at = (offset: number): { line: number; column: number } => {
    const before = text.slice(0, offset);
    const lineStart = Math.max(before.lastIndexOf('\n'), -1) + 1;
    return { line: before.split('\n').length, column: offset - lineStart + 1 };
  };
  const from = at(start);
  const to = at(end);
  return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
