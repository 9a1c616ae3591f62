#!/usr/bin/env node
'use strict';
// Starts the built CLI (dist/titrate.cjs) with the V8 code cache that `npm run build` leaves
// beside it, so a call skips parsing and compiling. A cache that is missing, or made for another
// build (checked here) or another Node or V8 flags (checked by V8), is passed over and the bundle
// compiles as usual. Nothing is written at run time. CommonJS (bin/package.json): an ES module
// entry costs Node 20 its ESM loader on every start.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const bundlePath = join(__dirname, '..', 'dist', 'titrate.cjs');
const cachePath = `${bundlePath}.cache`;
/** The build id the build appends to the bundle: `\n//# titrate-build=<16 hex digits>\n`. */
const BUILD_ID = /\/\/# titrate-build=([0-9a-f]{16})\n$/;

/** The cache's V8 data when it was made for this very bundle, else undefined. */
function cachedDataFor(source) {
  const id = BUILD_ID.exec(source.slice(-40))?.[1];
  if (!id) return undefined;
  try {
    const cache = readFileSync(cachePath);
    return cache.toString('latin1', 0, 17) === `${id}\n` ? cache.subarray(17) : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle compiled as a CommonJS module function, using the cache when it fits. */
function compileBundle(useCache = true) {
  const source = readFileSync(bundlePath, 'utf8');
  const cachedData = useCache ? cachedDataFor(source) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    ...(cachedData && { cachedData }),
  });
  const run = () => {
    const module = { exports: {} };
    script.runInThisContext().call(module.exports, module.exports, require, module, bundlePath, join(__dirname, '..', 'dist'));
  };
  return { script, run };
}

function start() {
  let bundle;
  try {
    bundle = compileBundle();
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    process.stderr.write('titrate: dist/titrate.cjs is missing: run npm run build (npm ci runs it)\n');
    process.exitCode = 3;
    return;
  }
  bundle.run();
}

if (require.main === module) start();
else module.exports = { compileBundle, bundlePath, cachePath };
