// Starts the official SDK peers as child processes: v1 (client-v1-process.ts) over stdio or HTTP,
// v2 (client-v2-process.ts) over stdio.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { type StdioServerProcess, spawnStdioServer } from 'mcpkit/node'

const PEER = fileURLToPath(new URL('./client-v1-process.ts', import.meta.url))
const V2_PEER = fileURLToPath(new URL('./client-v2-process.ts', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Spawns the v1 peer over stdio with mcpkit's stdio client transport (stderr kept, not shown). */
export function spawnV1Stdio(): Promise<StdioServerProcess> {
  return spawnTsx([PEER, 'stdio'])
}

/** Spawns the v2 peer over stdio. */
export function spawnV2Stdio(): Promise<StdioServerProcess> {
  return spawnTsx([V2_PEER])
}

function spawnTsx(args: readonly string[]): Promise<StdioServerProcess> {
  return spawnStdioServer({
    command: process.execPath,
    args: ['--import', 'tsx', ...args],
    cwd: REPO_ROOT,
    inheritEnv: 'all',
    stderr: 'pipe',
  })
}

/** Spawns the peer's HTTP server and resolves with its endpoint once it listens. */
export async function spawnV1Http(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', PEER, 'http'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const [line] = (await once(lines, 'line')) as [string]
  lines.close()
  const url = /^listening (http:\/\/127\.0\.0\.1:\d+\/mcp)$/.exec(line)?.[1]
  if (url === undefined) {
    child.kill('SIGKILL')
    throw new Error(`unexpected peer output: ${line}`)
  }
  return { child, url }
}

/** Kills the child unless it already ended. */
export function killIfRunning(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}
