/** A half-open range of UTF-16 offsets into a file's text (without its BOM): `[start, end)`. */
export type OffsetRange = readonly [start: number, end: number];

/** A replacement of a range of one text. An insertion has `start === end`; a deletion has `text === ''`. */
export interface TextEdit {
  readonly range: OffsetRange;
  readonly text: string;
}

/** One replacement in one file. */
export interface FileEdit extends TextEdit {
  /** Absolute path of the file the edit applies to. */
  readonly file: string;
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
  /**
   * How the file's bytes encode its text (default UTF-8). A UTF-16 file (read only with its byte order
   * mark) is written back in the same encoding, with its byte order mark.
   */
  readonly encoding?: TextEncoding;
}

/** The encodings a file is read in: UTF-8, or UTF-16 with a byte order mark. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The files a pass may read and edit, by absolute path. A path mapped to `undefined` is known not to
 * exist, so a fix may create it; a path absent from the map is unknown, so no fix may touch it.
 */
export type FileTexts = ReadonlyMap<string, FileText | undefined>;
