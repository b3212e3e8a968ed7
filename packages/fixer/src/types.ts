/** A half-open range of UTF-16 offsets into a file's text (without its BOM): `[start, end)`. */
export type OffsetRange = readonly [start: number, end: number];

/** One replacement in one file. An insertion has `start === end`; a deletion has `text === ''`. */
export interface FileEdit {
  /** Absolute path of the file the edit applies to. */
  readonly file: string;
  readonly range: OffsetRange;
  readonly text: string;
  /**
   * The edit creates the file. Its range must be `[0, 0]`. When two fixes create the same file in one
   * pass, only the first is applied; the second sees the created file on the next pass.
   */
  readonly create?: boolean;
}

/** All the edits of one problem's fix. They are applied together or not at all. */
export interface Fix {
  readonly edits: readonly FileEdit[];
}

/** The text of a file as the applier sees it. `undefined` text means the file does not exist. */
export interface FileText {
  readonly text: string;
  /** The file started with a UTF-8 byte order mark; it is written back with one. */
  readonly bom: boolean;
}
