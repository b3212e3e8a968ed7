// Types of scripts/lazy-imports.mjs (a plain ES module of the build) for its test.
import type { Plugin } from 'esbuild';

export declare const LAZY_RUNTIME: string;
export declare function bindingKind(value: unknown): 'function' | 'callable' | 'object' | undefined;
export declare function lazyModuleSource(specifier: string, exportsObject: object): string;
export declare function lazyImports(options: { modules: readonly string[]; packageDir: string; skip?: (importer: string) => boolean }): Plugin;
