import { resolve } from 'node:path'
import { expect, test } from 'vitest'
import { BROWSER_SAFE, bareImports, NODE_ONLY } from '../support/import-graph.ts'

test.each(BROWSER_SAFE)('%s reaches no Node-only module', (entry) => {
  expect(bareImports(resolve(entry)).filter(({ spec }) => NODE_ONLY.test(spec))).toEqual([])
})

test('every browser-safe entry reaches only the runtime dependencies among packages', () => {
  const packages = new Set(BROWSER_SAFE.flatMap((e) => bareImports(resolve(e)).map((i) => i.spec)))
  const runtime = /^zod(\/|$)/
  expect([...packages].filter((p) => !runtime.test(p))).toEqual([])
})

test('the guard catches a node: import reached through a browser entry', async () => {
  // Proof that the walk sees transitive edges: a throwaway graph in a temp dir, entry → a.js → node:fs.
  const { mkdtempSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const dir = mkdtempSync(resolve(tmpdir(), 'mcpkit-browser-safe-'))
  writeFileSync(resolve(dir, 'entry.js'), "export { a } from './a.js'\n")
  writeFileSync(
    resolve(dir, 'a.js'),
    "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\n",
  )
  const offending = bareImports(resolve(dir, 'entry.js')).filter(({ spec }) => NODE_ONLY.test(spec))
  expect(offending).toEqual([{ spec: 'node:fs', file: resolve(dir, 'a.js') }])
})
