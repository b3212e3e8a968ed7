/** Lines of a file, 1-based and inclusive. */
export interface LineSpan {
  readonly startLine: number;
  readonly endLine: number;
}

/** A `#` comment as the parsers hand it over: its text (`#` included) and its range of offsets. */
export interface DirectiveComment {
  readonly text: string;
  readonly range: readonly [number, number];
}

export type DirectiveKind =
  /** `# docmind-docker-lint-disable-next-line [rules] [-- reason]` */
  | 'disable-next-line'
  /** `# docmind-docker-lint-disable-file [rules] [-- reason]` */
  | 'disable-file'
  /** hadolint's `# hadolint ignore=DL3006,DL3008`: the instruction below. */
  | 'hadolint-ignore'
  /** hadolint's `# hadolint global ignore=DL3006`: the whole file. */
  | 'hadolint-global-ignore'
  /** hadolint's `# hadolint stage ignore=DL3006` above a FROM: that whole stage. */
  | 'hadolint-stage-ignore'
  /** BuildKit's `# check=skip=Name,...`: the whole file in the top directive block, else the instruction below. */
  | 'check-skip';

/** Whose vocabulary a directive's ids are in: our rule ids, hadolint's DL codes or BuildKit's check names. */
export type DirectiveOrigin = 'docmind' | 'hadolint' | 'buildkit';

export interface Directive {
  readonly kind: DirectiveKind;
  readonly origin: DirectiveOrigin;
  /** The comment's range. */
  readonly range: readonly [number, number];
  /** Rule ids (ours, peer ids accepted too) or peer ids, as written; empty means every rule. */
  readonly ids: readonly string[];
  /** The lines whose problems it silences; `null` for the whole file. */
  readonly lines: LineSpan | null;
  /** The text after ` -- ` (ours) or after the ids' trailing `#` / `//` (peers). */
  readonly reason?: string;
}
