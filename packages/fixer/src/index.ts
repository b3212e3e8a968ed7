export { applyFixPass } from './apply-fixes.js';
export type { FixPassResult, FixRejectionReason, RejectedFix } from './apply-fixes.js';
export { runFixPasses } from './fix-passes.js';
export type { FixPassesOptions, FixPassesResult, FixPassesStop, GetFixes } from './fix-passes.js';
export { toSingleEdit } from './merge-edits.js';
export { encodeText, UnsafeWriteError, writeChangedFiles, writeFileAtomic } from './write-files.js';
export type { UnsafeWriteReason, WriteOptions, WriteResult } from './write-files.js';
export type { FileEdit, FileText, FileTexts, Fix, OffsetRange, TextEdit, TextEncoding } from './types.js';
