import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The README's API section against the library's declarations: every export is listed there and
// everything listed is exported; each export has TSDoc, and each function an @example.

const root = join(import.meta.dirname, '..', '..');
const entry = join(root, 'src', 'index.ts');

/** The library's exports, each with its TSDoc tags and whether it has a doc comment. */
function exportsOfLibrary(): { name: string; isFunction: boolean; documented: boolean; tags: string[] }[] {
  const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error('no src/index.ts');
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error('src/index.ts is not a module');
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    return {
      name: exported.getName(),
      isFunction: (symbol.flags & ts.SymbolFlags.Function) !== 0,
      documented: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '',
      tags: symbol.getJsDocTags(checker).map((tag) => tag.name),
    };
  });
}

/** The names in the first column of the README's API table. */
function namesInReadme(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## API'), readme.indexOf('\n## ', readme.indexOf('## API') + 1));
  return [...section.matchAll(/^\| (`.+?) \|/gm)].flatMap((row) => [...(row[1] ?? '').matchAll(/`(\w+)`/g)].map((name) => name[1] ?? ''));
}

describe('the README API section', () => {
  const library = exportsOfLibrary();

  it('lists every export, and only exports', () => {
    expect(namesInReadme().sort()).toEqual(library.map((item) => item.name).sort());
  });

  it('every exported function has TSDoc with an @example', () => {
    const missing = library.filter((item) => item.isFunction && !(item.documented && item.tags.includes('example'))).map((item) => item.name);
    expect(missing).toEqual([]);
  });

  it('every export has TSDoc', () => {
    expect(library.filter((item) => !item.documented).map((item) => item.name)).toEqual([]);
  });
});
