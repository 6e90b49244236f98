// Compiles the server children to plain JavaScript before anything runs, so the benchmarked
// processes load no TypeScript loader: mcpkit comes from the built dist/ (what users install),
// the official SDKs from node_modules. Output: node_modules/.cache/mcpkit-bench/ (resolution of
// zod and the SDKs walks up to the project's node_modules from there).
import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type BuildOptions, build, type Plugin } from 'esbuild'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CACHE_DIR = `${ROOT}node_modules/.cache/mcpkit-bench/`

const DIST_ENTRIES: Record<string, string> = {
  'mcpkit/server': `${ROOT}dist/server/index.js`,
  'mcpkit/node': `${ROOT}dist/node/index.js`,
  'mcpkit/client': `${ROOT}dist/client/index.js`,
  mcpkit: `${ROOT}dist/index.js`,
}

// mcpkit's entries point at dist/ (by absolute path); every other package stays external.
const distPlugin: Plugin = {
  name: 'mcpkit-dist',
  setup(builder) {
    builder.onResolve({ filter: /^mcpkit(\/.*)?$/ }, (args) => {
      const path = DIST_ENTRIES[args.path]
      if (path === undefined) throw new Error(`unknown mcpkit entry ${args.path}`)
      return { path, external: true }
    })
    builder.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }))
  },
}

/** How every child is bundled: one ESM file for Node 20, mcpkit resolved to the built dist/. */
const NODE_BUNDLE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [distPlugin],
  logLevel: 'error',
} as const satisfies BuildOptions

/** Compiles a generated module (`contents`, resolved from test/bench/) to `name`.mjs. */
export async function buildGenerated(name: string, contents: string): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true })
  const outfile = `${CACHE_DIR}${name}.mjs`
  await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    outfile,
    ...NODE_BUNDLE,
  })
  return outfile
}

/** Compiles `entries` (paths relative to test/bench/) and returns the output paths by entry. */
export async function buildChildren(entries: readonly string[]): Promise<Record<string, string>> {
  for (const path of Object.values(DIST_ENTRIES)) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`)
  }
  mkdirSync(CACHE_DIR, { recursive: true })
  const outputs: Record<string, string> = {}
  for (const entry of entries) {
    const outfile = `${CACHE_DIR}${entry.replace(/[/\\]/g, '-').replace(/\.ts$/, '.mjs')}`
    await build({
      entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
      outfile,
      ...NODE_BUNDLE,
    })
    outputs[entry] = outfile
  }
  return outputs
}
