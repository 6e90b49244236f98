/**
 * The stdio client transport: spawns an MCP server and speaks newline-delimited JSON over its pipes
 * (SPEC §6). stderr is the server's log, never an error. Closing follows the spec's sequence: end
 * stdin, wait, SIGTERM, wait, SIGKILL. A server that dies closes the connection with a
 * `TransportError` that says how it exited.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import type { Connection } from '../core/connection.ts'
import { ErrorCode } from '../core/errors/codes.ts'
import { ConfigError } from '../core/errors/config-error.ts'
import { TransportError } from '../core/errors/transport-error.ts'
import { createStreamConnection } from '../core/framing/stream-connection.ts'
import { checkTimeout } from '../core/protocol/limits.ts'
import { childEnvironment, type InheritEnv } from './stdio-client-env.ts'
import { readableFromNode, writableFromNode } from './stdio-connection.ts'

/** Options of {@link spawnStdioServer}. */
export interface SpawnStdioServerOptions {
  /** The executable, e.g. `node` or `npx`. Not run through a shell. */
  readonly command: string
  readonly args?: readonly string[] | undefined
  /** Variables to set (or, with `undefined`, remove) on top of the inherited ones. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  /**
   * Which of this process's variables the server inherits: a small safe set (PATH, HOME, …), all,
   * or none. @default 'safe'
   */
  readonly inheritEnv?: InheritEnv | undefined
  readonly cwd?: string | URL | undefined
  /**
   * The server's stderr: passed through to ours, dropped, or piped to {@link SpawnStdioServerOptions.onStderr}
   * (and kept as {@link StdioServerProcess.stderrTail}). @default 'inherit'
   */
  readonly stderr?: 'inherit' | 'ignore' | 'pipe' | undefined
  /** Receives the server's stderr text when `stderr` is `'pipe'`. */
  readonly onStderr?: ((text: string) => void) | undefined
  /** How long to wait for the server to exit after stdin closes, before SIGTERM. @default 2000 */
  readonly closeTimeoutMs?: number | undefined
  /** How long to wait after SIGTERM before SIGKILL. @default 2000 */
  readonly killTimeoutMs?: number | undefined
  /** The longest line accepted from the server, in bytes. @default 16 MiB */
  readonly maxMessageBytes?: number | undefined
  /** Closes the connection and stops the server when aborted. */
  readonly signal?: AbortSignal | undefined
}

/** How the server process ended. */
export interface StdioExitStatus {
  /** The exit code, or `null` when a signal ended it. */
  readonly code: number | null
  /** The signal that ended it, e.g. `SIGTERM`, or `null`. */
  readonly signal: string | null
}

/** A running stdio server and the connection to it. */
export interface StdioServerProcess extends AsyncDisposable {
  /** Messages to and from the server; run a JSON-RPC engine or client over it. */
  readonly connection: Connection
  readonly pid: number | undefined
  /** Resolves when the process exited, however that happened. Never rejects. */
  readonly exited: Promise<StdioExitStatus>
  /** The last few KiB of the server's stderr when `stderr` is `'pipe'`. */
  readonly stderrTail: string
  /** Closes the connection and stops the server (stdin, wait, SIGTERM, wait, SIGKILL). */
  close(): Promise<StdioExitStatus>
}

const DEFAULT_CLOSE_TIMEOUT_MS = 2000
const DEFAULT_KILL_TIMEOUT_MS = 2000
/** How long stdout's end waits for the exit status, so the close reason can report it. */
const EXIT_GRACE_MS = 1000
const STDERR_TAIL_CHARS = 4096

/**
 * Spawns a stdio MCP server. Resolves once the process started; rejects with a `TransportError` when
 * it cannot be started (e.g. the command does not exist).
 *
 * @example
 * const server = await spawnStdioServer({ command: 'node', args: ['server.js'] })
 * const engine = createJsonRpcEngine({ connection: server.connection })
 * // …
 * const { code } = await server.close()
 * @throws {ConfigError} when an option is invalid.
 */
export async function spawnStdioServer(
  options: SpawnStdioServerOptions,
): Promise<StdioServerProcess> {
  const settings = resolveStdioOptions(options)
  const child = spawn(options.command, [...(options.args ?? [])], {
    cwd: options.cwd,
    env: childEnvironment(options.inheritEnv ?? 'safe', options.env),
    stdio: ['pipe', 'pipe', options.stderr ?? 'inherit'],
    windowsHide: true,
  })
  await started(child, options.command)
  return new StdioServer(child, { ...settings, options })
}

interface StdioSettings {
  readonly closeTimeoutMs: number
  readonly killTimeoutMs: number
  readonly options: SpawnStdioServerOptions
}

function resolveStdioOptions(options: SpawnStdioServerOptions): Omit<StdioSettings, 'options'> {
  if (typeof options.command !== 'string' || options.command.trim() === '') {
    throw new ConfigError({
      option: 'command',
      value: options.command,
      message: `The \`command\` option must be a non-empty string, got ${String(options.command)}`,
    })
  }
  return {
    closeTimeoutMs: checkTimeout(
      'closeTimeoutMs',
      options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS,
    ),
    killTimeoutMs: checkTimeout('killTimeoutMs', options.killTimeoutMs ?? DEFAULT_KILL_TIMEOUT_MS),
  }
}

function started(child: ChildProcess, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onSpawn = () => {
      child.off('error', onError)
      resolve()
    }
    const onError = (error: Error) => {
      child.off('spawn', onSpawn)
      reject(new TransportError(`Could not start ${command}: ${error.message}`, { cause: error }))
    }
    child.once('spawn', onSpawn)
    child.once('error', onError)
  })
}

class StdioServer implements StdioServerProcess {
  readonly connection: Connection
  readonly exited: Promise<StdioExitStatus>
  readonly #child: ChildProcess
  readonly #settings: StdioSettings
  #exit: StdioExitStatus | undefined
  #stderrTail = ''
  #stopping: Promise<StdioExitStatus> | undefined

  constructor(child: ChildProcess, settings: StdioSettings) {
    this.#child = child
    this.#settings = settings
    // Errors after start (a failed kill, a broken pipe) surface through the connection instead.
    child.on('error', () => {})
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.#exit = { code, signal }
        resolve(this.#exit)
      })
    })
    this.#captureStderr(settings.options)
    this.connection = this.#connect(settings.options)
    void this.connection.closed.then(() => this.#stop())
  }

  get pid(): number | undefined {
    return this.#child.pid
  }

  get stderrTail(): string {
    return this.#stderrTail
  }

  async close(): Promise<StdioExitStatus> {
    this.#stopping ??= this.#shutdown()
    await this.connection.close()
    return this.#stopping
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close().then(() => undefined)
  }

  #connect(options: SpawnStdioServerOptions): Connection {
    const { stdin, stdout } = this.#child
    if (!stdin || !stdout) throw new TransportError('The server process has no stdio pipes')
    const connection: Connection = createStreamConnection({
      readable: this.#untilExit(readableFromNode(stdout), () => connection),
      writable: writableFromNode(stdin),
      ...(options.maxMessageBytes === undefined
        ? {}
        : { maxMessageBytes: options.maxMessageBytes }),
      ...(options.signal ? { signal: options.signal } : {}),
    })
    return connection
  }

  /**
   * Passes stdout through; at its end, waits briefly for the exit status and, if the server went
   * away on its own, closes the connection with a reason that says how. Every complete line was
   * read by then (the framing reads more only when it has no line left), so nothing is lost.
   */
  #untilExit(
    stdout: ReadableStream<Uint8Array>,
    connection: () => Connection,
  ): ReadableStream<Uint8Array> {
    const reader = stdout.getReader()
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        const { done, value } = await reader.read()
        if (!done) {
          controller.enqueue(value)
          return
        }
        const exit = await within(this.exited, EXIT_GRACE_MS)
        if (this.#stopping === undefined) await connection().close(this.#exitReason(exit))
        controller.close()
      },
      cancel: (reason) => reader.cancel(reason),
    })
  }

  #exitReason(exit: StdioExitStatus | undefined): TransportError {
    const how = exit === undefined ? 'closed its stdout' : `exited (${describeExit(exit)})`
    const tail = this.#stderrTail.trim()
    const detail = tail === '' ? '' : `; stderr ends with: ${tail.slice(-500)}`
    const code = exit?.code === 0 ? ErrorCode.ConnectionClosed : ErrorCode.Transport
    return new TransportError(`The server process ${how}${detail}`, { code })
  }

  #captureStderr(options: SpawnStdioServerOptions): void {
    const stderr = this.#child.stderr
    if (!stderr) return
    stderr.setEncoding('utf8')
    stderr.on('data', (text: string) => {
      this.#stderrTail = (this.#stderrTail + text).slice(-STDERR_TAIL_CHARS)
      try {
        options.onStderr?.(text)
      } catch {
        // A failing log sink must not take the server down.
      }
    })
  }

  #stop(): Promise<StdioExitStatus> {
    this.#stopping ??= this.#shutdown()
    return this.#stopping
  }

  /** stdin is already ended by the connection's close; escalate until the process is gone. */
  async #shutdown(): Promise<StdioExitStatus> {
    const { closeTimeoutMs, killTimeoutMs } = this.#settings
    if (this.#exit) return this.#exit
    if (await within(this.exited, closeTimeoutMs)) return this.exited
    this.#child.kill('SIGTERM')
    if (await within(this.exited, killTimeoutMs)) return this.exited
    this.#child.kill('SIGKILL')
    return this.exited
  }
}

/** Resolves with `promise`'s value, or `undefined` if it takes longer than `timeoutMs`. */
function within<TValue>(promise: Promise<TValue>, timeoutMs: number): Promise<TValue | undefined> {
  if (timeoutMs === Number.POSITIVE_INFINITY) return promise
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function describeExit(exit: StdioExitStatus): string {
  return exit.signal === null ? `code ${exit.code}` : `signal ${exit.signal}`
}
