// An esbuild plugin for scripts/build.mjs: the named imports of a few dependencies that most runs never
// use (the `yaml` package, 70 CommonJS files, which a Dockerfile-only lint never calls; Node modules
// needed by --fix, --cache, workers or one rule) are bound lazily: the module is required the first time
// one of its exports is called, constructed or read, not when the bundle loads. Every package still
// requires the dependency itself (its own `node_modules`), so the process holds one instance of it,
// shared with third-party plugins, as a plain import does.
//
// Each export becomes, in the bundle:
// - a plain function: a function that requires the module and calls the real one (`this` and arguments
//   passed on);
// - a class, a function with properties (`visit.BREAK`) or an object: a Proxy of the real value, which
//   forwards calls, `new` (subclasses too), property reads and writes, `in` and `instanceof`.
// Exports of other types (strings, symbols) cannot be bound lazily; importing one fails the build.
// The plugin applies to `import` statements only; the export names and kinds are read at build time by
// requiring the module from the package's folder.
import { createRequire } from 'node:module';
import path from 'node:path';

const NAMESPACE = 'docmind-lazy-import';
const RUNTIME = 'docmind-lazy-runtime';

/** The runtime helpers, one copy per bundle. Exported as text for the bundles and for the tests. */
export const LAZY_RUNTIME = `
export function lazyFunction(load, name) {
  let fn;
  return function (...args) {
    fn ??= load()[name];
    return fn.apply(this, args);
  };
}
export function lazyValue(load, name, callable) {
  let value;
  const real = () => (value ??= load()[name]);
  const proxy = new Proxy(callable ? function () {} : {}, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, newValue) => Reflect.set(real(), key, newValue),
    has: (_, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    apply: (_, thisArg, args) => Reflect.apply(real(), thisArg, args),
    construct: (_, args, newTarget) => Reflect.construct(real(), args, newTarget === proxy ? real() : newTarget),
  });
  return proxy;
}
`;

/** How an export is bound: `function`, `callable` (proxy of a class or function with properties), `object`, or undefined. */
export function bindingKind(value) {
  if (typeof value === 'function') {
    const isClass = /^class\b/.test(Function.prototype.toString.call(value));
    const prototypeKeys = value.prototype ? Object.getOwnPropertyNames(value.prototype).filter((key) => key !== 'constructor') : [];
    return isClass || prototypeKeys.length > 0 || Object.keys(value).length > 0 ? 'callable' : 'function';
  }
  return typeof value === 'object' && value !== null ? 'object' : undefined;
}

/** The module text standing for `specifier`: one lazily bound export per export of the real module. */
export function lazyModuleSource(specifier, exportsObject) {
  const lines = [
    "import { createRequire } from 'node:module';",
    `import { lazyFunction, lazyValue } from ${JSON.stringify(RUNTIME)};`,
    'let loaded;',
    `const load = () => (loaded ??= createRequire(import.meta.url)(${JSON.stringify(specifier)}));`,
  ];
  for (const [name, value] of Object.entries(exportsObject)) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'default') continue;
    const kind = bindingKind(value);
    if (kind === 'function') lines.push(`export const ${name} = /* @__PURE__ */ lazyFunction(load, ${JSON.stringify(name)});`);
    else if (kind) lines.push(`export const ${name} = /* @__PURE__ */ lazyValue(load, ${JSON.stringify(name)}, ${kind === 'callable'});`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The plugin: `modules` are the specifiers bound lazily (`yaml`, `node:crypto`...), for the package in
 * `packageDir` (its dependencies are resolved from there); `skip(importer)` keeps plain imports in some files.
 */
export function lazyImports({ modules, packageDir, skip = () => false }) {
  const requireFromPackage = createRequire(path.join(packageDir, 'package.json'));
  return {
    name: 'docmind-lazy-imports',
    setup(build) {
      const filter = new RegExp(`^(${modules.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
      build.onResolve({ filter }, (args) =>
        args.kind === 'import-statement' && !skip(args.importer) ? { path: args.path, namespace: NAMESPACE } : undefined,
      );
      build.onResolve({ filter: /^docmind-lazy-runtime$/ }, (args) => ({ path: args.path, namespace: NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: args.path === RUNTIME ? LAZY_RUNTIME : lazyModuleSource(args.path, requireFromPackage(args.path)),
        resolveDir: packageDir,
        loader: 'js',
      }));
    },
  };
}
