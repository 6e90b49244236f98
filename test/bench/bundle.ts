// Browser bundle size: each client's public entry bundled the same way (esbuild, ESM, browser
// platform, minified, everything re-exported so nothing is tree-shaken away), then gzipped (level 9).
// mcpkit's client is bundled from the built dist/client/index.js: whatever it exports at run time.
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { ROOT } from './build-children.ts'

/** One bundle's size. */
export interface BundleResult {
  readonly name: string
  readonly entry: string
  readonly minifiedBytes: number
  readonly gzipBytes: number
  /** The entry's named exports, for the record of what was measured. */
  readonly exports: number
  readonly error: string | undefined
}

const CLIENTS: readonly { name: string; entry: string; imports: readonly string[] }[] = [
  {
    name: 'mcpkit/client',
    entry: 'dist/client/index.js',
    imports: [`${ROOT}dist/client/index.js`],
  },
  {
    name: '@modelcontextprotocol/client 2.x',
    entry: '@modelcontextprotocol/client',
    imports: ['@modelcontextprotocol/client'],
  },
  {
    name: '@modelcontextprotocol/sdk 1.x client',
    entry: 'sdk/client/index.js + client/streamableHttp.js',
    imports: [
      '@modelcontextprotocol/sdk/client/index.js',
      '@modelcontextprotocol/sdk/client/streamableHttp.js',
    ],
  },
]

async function bundleOne(client: (typeof CLIENTS)[number]): Promise<BundleResult> {
  const contents = client.imports.map((path) => `export * from ${JSON.stringify(path)}`).join('\n')
  try {
    const result = await build({
      stdin: { contents, resolveDir: ROOT, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const code = result.outputFiles[0]?.contents ?? new Uint8Array()
    const exports = Object.values(result.metafile.outputs)[0]?.exports.length ?? 0
    return {
      name: client.name,
      entry: client.entry,
      minifiedBytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
      exports,
      error: undefined,
    }
  } catch (error) {
    const message =
      error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)
    return {
      name: client.name,
      entry: client.entry,
      minifiedBytes: 0,
      gzipBytes: 0,
      exports: 0,
      error: message,
    }
  }
}

/** Bundles every client. */
export async function measureBundles(): Promise<BundleResult[]> {
  const results: BundleResult[] = []
  for (const client of CLIENTS) results.push(await bundleOne(client))
  return results
}
