import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

// Entries that must load in a browser. Reads the built dist/ (run `npm run build` first): tsc keeps one
// module per source file, so each file's import specifiers are the real dependency edges.
export const BROWSER_SAFE = [
  'dist/index.js',
  'dist/client/index.js',
  'dist/server/index.js',
  'dist/transports/streamable-http/index.js',
]
export const NODE_ONLY =
  /^(node:|cross-spawn$|ws$|redis$|ioredis$|child_process$|fs$|path$|http$|net$|stream$)/
const SPECIFIER = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g

export function bareImports(
  file: string,
  seen = new Set<string>(),
): { spec: string; file: string }[] {
  if (seen.has(file)) return []
  seen.add(file)
  return [...stripComments(readFileSync(file, 'utf8')).matchAll(SPECIFIER)].flatMap((m) => {
    const spec = (m[1] ?? m[2]) as string
    return spec.startsWith('.') ? bareImports(resolve(dirname(file), spec), seen) : [{ spec, file }]
  })
}

/** Drops comments, so `import … from 'x'` in a TSDoc example is not taken for an edge. */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}
