// `npm run build` (and so `npm ci`, via prepare). Builds dist/titrate.cjs, one minified bundle of
// the CLI (as the CommonJS module function bin/titrate.js calls; its V8 code cache is made by the
// first run on each Node version, not here: a cache fits only the Node that made it), and the
// library: dist/lib/index.js (ES module) and dist/lib/index.cjs (CommonJS), each with its own
// type declarations (dist/types/esm, dist/types/cjs). Every bundle ships with its source map.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { escapeNonAscii, slimmed } from './source-maps.js';

const require = createRequire(import.meta.url);
const { bundlePath, MODULE_HEAD, MODULE_TAIL } = require('../../bin/titrate.js');

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Modules that only some commands use become stubs that load them on first use: commander's
 * child_process (only for external subcommands, which titrate has none of), colour (only for
 * table output), v8 and perf_hooks (only for batches), tty (only to ask whether a stream is a terminal; it
 * loads node:net), crypto (only for --output's temporary file names). Static imports would load them on every start. A module required by CommonJS is stubbed whole; one imported by an ES module, by
 * the named exports titrate uses (and whole as its default export where one imports it so).
 */
const lazyModules = {
  'node:child_process': { commonjs: true },
  chalk: { exports: ['Chalk'] },
  'node:v8': { exports: ['getHeapSpaceStatistics', 'setFlagsFromString'] },
  'node:perf_hooks': { exports: ['PerformanceObserver'] },
  // chalk's colour detection imports the module whole; titrate imports isatty.
  'node:tty': { exports: ['isatty'], whole: true },
  'node:crypto': { exports: ['randomBytes'] },
};

function stubSource(id, { commonjs, exports = [], whole = false }) {
  const head = `
    let real;
    const load = () => (real ??= require(${JSON.stringify(id)}));
    const lazy = (pick) => new Proxy(function () {}, {
      get: (_, key) => (key === '__esModule' ? undefined : pick()[key]),
      construct: (_, args) => Reflect.construct(pick(), args),
      apply: (_, self, args) => Reflect.apply(pick(), self, args),
    });`;
  if (commonjs) return `${head}\nmodule.exports = lazy(load);`;
  const named = exports.map((name) => `export const ${name} = lazy(() => load().${name});`);
  return [head, ...named, ...(whole ? ['export default lazy(load);'] : [])].join('\n');
}

const lazy = {
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(lazyModules).join('|')})$`);
    // The stub's own require() resolves as usual.
    build.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      resolveDir: root,
      loader: 'js',
      contents: stubSource(args.path, lazyModules[args.path]),
    }));
  },
};

/** Every file the bundles were made from (esbuild's metafile), for the notices of what they carry. */
const bundledInputs = [];

/**
 * dist/THIRD_PARTY_NOTICES: the licence of every package the bundles carry (commander, zod,
 * chalk…), read from the package itself, as their licences ask of a copy that ships their code.
 * The packages are the ones esbuild put in a bundle, so one added or dropped changes the notices.
 */
function writeNotices() {
  const packageRoots = new Set();
  for (const input of bundledInputs) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
    if (match) packageRoots.add(match[1]);
  }
  const notices = [...packageRoots].sort().map((name) => {
    const folder = join(root, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(folder).find((file) => /^licen[cs]e(\.|$)/i.test(file));
    if (!licenceFile) throw new Error(`build: ${name} is bundled but has no licence file to copy into THIRD_PARTY_NOTICES`);
    const text = readFileSync(join(folder, licenceFile), 'utf8').trim();
    return `## ${manifest.name} ${manifest.version} (${manifest.license})\n\n${manifest.homepage ?? ''}\n\n${text}\n`;
  });
  const head = 'Third-party software bundled in titrate (dist/titrate.cjs and dist/lib), with the licence each is used under.\n';
  writeFileSync(join(root, 'dist', 'THIRD_PARTY_NOTICES'), [head, ...notices].join('\n'));
}

/**
 * The library (src/index.ts), bundled with what it uses so it needs no runtime dependency: a
 * CommonJS build with its source map, and an ES module entry that re-exports it. It carries
 * nothing of the CLI and imports no Node built-in, so it bundles for a browser as it is.
 */
async function buildLibrary() {
  const libDir = join(root, 'dist', 'lib');
  rmSync(libDir, { recursive: true, force: true });
  mkdirSync(libDir, { recursive: true });
  const { outputFiles } = await build({
    entryPoints: [join(root, 'src', 'index.ts')],
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'node20',
    format: 'cjs',
    outfile: join(libDir, 'index.cjs'),
    write: false,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  }).then((result) => (bundledInputs.push(...Object.keys(result.metafile.inputs)), result));
  for (const output of outputFiles) {
    writeFileSync(output.path, output.path.endsWith('.map') ? JSON.stringify(slimmed(JSON.parse(output.text))) : output.text);
  }
  // The ES module entry names the CommonJS build's exports rather than being a second bundle of
  // the same code (a quarter of the package): an ES module may import a CommonJS one on every Node
  // line, and bundlers read it as they read any CommonJS dependency.
  const names = Object.keys(require(join(libDir, 'index.cjs'))).sort();
  writeFileSync(join(libDir, 'index.js'), `import titrate from './index.cjs';\n\nexport const { ${names.join(', ')} } = titrate;\n`);
  buildDeclarations();
}

/**
 * The library's type declarations, for each module kind its own: dist/types/cjs for `require`
 * (the declarations under a package.json saying "type": "commonjs") and dist/types/esm for
 * `import` (one ES module declaration that re-exports them: an ES module may import a CommonJS
 * one's names, and the tree is not shipped twice). So TypeScript reads each entry as the module
 * kind it is (`module: node16` from a CommonJS project, and @arethetypeswrong/cli, need both).
 */
function buildDeclarations() {
  const typesDir = join(root, 'dist', 'types');
  const cjsDir = join(typesDir, 'cjs');
  rmSync(typesDir, { recursive: true, force: true });
  const program = ts.createProgram([join(root, 'src', 'index.ts')], {
    declaration: true,
    emitDeclarationOnly: true,
    outDir: cjsDir,
    rootDir: join(root, 'src'),
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    skipLibCheck: true,
  });
  const { diagnostics } = program.emit();
  if (diagnostics.length > 0) throw new Error(`build: type declarations: ${ts.formatDiagnostics(diagnostics, ts.createCompilerHost({}))}`);
  writeFileSync(join(cjsDir, 'package.json'), '{ "type": "commonjs" }\n');
  mkdirSync(join(typesDir, 'esm'), { recursive: true });
  writeFileSync(join(typesDir, 'esm', 'index.d.ts'), "export * from '../cjs/index.js';\n");
}

const { outputFiles } = await build({
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: bundlePath,
  write: false,
  minify: true,
  sourcemap: 'external',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazy],
  metafile: true,
}).then((result) => (bundledInputs.push(...Object.keys(result.metafile.inputs)), result));
const mapFile = outputFiles.find((file) => file.path.endsWith('.map'));
const codeFile = outputFiles.find((file) => !file.path.endsWith('.map'));
// esbuild escapes every non-ASCII character but those in regular expression literals (escaped,
// a pattern's `source` reads differently; titrate never reads it). Escaped here too, the bundle
// is ASCII: bin/titrate.js reads it as Latin-1 and V8 keeps it one byte a character, half the
// memory to read and compile (each page of memory touched costs start-up time). The source map
// is moved along, and down a line for the module function's head.
const { code, map } = escapeNonAscii(codeFile.text, JSON.parse(mapFile.text));
map.mappings = `;${map.mappings}`;
// bin/titrate.js runs the bundle as a vm.Script, which cannot import() a module at run time.
if (/\bimport\(/.test(code)) throw new Error('build: the bundle has a dynamic import() of an external module');
// The id ties a code cache to this bundle (V8 itself compares only the source's length).
const buildId = createHash('sha256').update(code).digest('hex').slice(0, 16);
rmSync(join(root, 'dist', 'code-cache'), { recursive: true, force: true });
mkdirSync(join(bundlePath, '..'), { recursive: true });
writeFileSync(`${bundlePath}.map`, JSON.stringify(slimmed(map)));
writeFileSync(bundlePath, `${MODULE_HEAD}\n${code}${MODULE_TAIL}\n//# sourceMappingURL=titrate.cjs.map\n//# titrate-build=${buildId}\n`);
await buildLibrary();
writeNotices();
