/**
 * Options of `serveStdio`, their defaults, and their one-time validation.
 */
import process from 'node:process'
import type { Readable, Writable } from 'node:stream'
import { ConfigError } from '../core/errors/config-error.ts'
import { checkLimit, checkTimeout, DEFAULT_MAX_MESSAGE_BYTES } from '../core/protocol/limits.ts'

/** Options of `serveStdio`. */
export interface StdioServerOptions {
  /** Where client messages are read from. @default process.stdin */
  readonly stdin?: Readable
  /**
   * Where MCP messages are written; nothing else is ever written to it. It is ended when the server
   * stops. @default process.stdout
   */
  readonly stdout?: Writable
  /**
   * Receives the server's own diagnostics (refused input, failing notification handlers), one line
   * each. stdout carries only MCP messages, so diagnostics never go there.
   * @default a function writing the line to process.stderr
   */
  readonly log?: (line: string) => void
  /** Aborting it stops the server gracefully, as `close()` on the returned handle does. */
  readonly signal?: AbortSignal
  /**
   * How long stopping (end of input, `signal`, `close()`) waits for requests in flight to answer
   * before it aborts them. `subscriptions/listen` streams end at once, with their result.
   * @default 5000
   */
  readonly shutdownTimeoutMs?: number
  /**
   * Legacy era: how long a server→client request (`elicitation/create`, `sampling/createMessage`,
   * `roots/list`) waits for the client's answer unless the handler gives its own timeout.
   * `Infinity` disables it.
   * @default 300000 (5 minutes: a person may be answering an elicitation)
   */
  readonly requestTimeoutMs?: number
  /** The longest incoming line in bytes; longer lines are skipped and answered `-32600`. @default 16 MiB */
  readonly maxMessageBytes?: number
}

/** {@link StdioServerOptions} with every default applied. @internal */
export interface ResolvedStdioServerOptions {
  readonly stdin: Readable
  readonly stdout: Writable
  readonly log: (line: string) => void
  readonly signal: AbortSignal | undefined
  readonly shutdownTimeoutMs: number
  readonly requestTimeoutMs: number
  readonly maxMessageBytes: number
}

/**
 * Applies defaults and validates once; a bad option throws a {@link ConfigError} naming it.
 *
 * @internal
 */
export function resolveStdioServerOptions(
  options: StdioServerOptions = {},
): ResolvedStdioServerOptions {
  const resolved = {
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    log: options.log ?? writeToStderr,
    signal: options.signal,
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? 5_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 300_000,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
  } satisfies ResolvedStdioServerOptions
  if (typeof resolved.stdin?.on !== 'function') refuse('stdin', resolved.stdin, 'a Readable')
  if (typeof resolved.stdout?.write !== 'function') refuse('stdout', resolved.stdout, 'a Writable')
  if (typeof resolved.log !== 'function') refuse('log', resolved.log, 'a function')
  if (resolved.signal !== undefined && !(resolved.signal instanceof AbortSignal)) {
    refuse('signal', resolved.signal, 'an AbortSignal')
  }
  const shutdown = resolved.shutdownTimeoutMs
  if (!Number.isSafeInteger(shutdown) || shutdown < 0) {
    refuse('shutdownTimeoutMs', shutdown, 'an integer >= 0')
  }
  checkTimeout('requestTimeoutMs', resolved.requestTimeoutMs)
  checkLimit('maxMessageBytes', resolved.maxMessageBytes, true)
  return resolved
}

function writeToStderr(line: string): void {
  process.stderr.write(`${line}\n`)
}

function refuse(option: string, value: unknown, expected: string): never {
  throw new ConfigError({
    option,
    value,
    message: `The \`${option}\` option must be ${expected}, got ${String(value)}`,
  })
}
