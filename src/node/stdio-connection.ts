/**
 * A {@link Connection} over Node streams with stdio framing: our own stdin/stdout for a server, or a
 * child process's pipes for a client. The only Node-specific part is the stream adaptation; framing
 * and connection semantics come from the neutral core.
 */
import process from 'node:process'
import type { Readable, Writable } from 'node:stream'
import type { Connection } from '../core/connection.ts'
import { createStreamConnection } from '../core/framing/stream-connection.ts'

/** Options of {@link createStdioConnection}. */
export interface StdioConnectionOptions {
  /**
   * The stream messages are read from. @default process.stdin
   * For a client, pass the child's stdout.
   */
  readonly stdin?: Readable
  /**
   * The stream messages are written to; it is ended when the connection closes. @default process.stdout
   * For a client, pass the child's stdin (ending it tells the server to exit).
   */
  readonly stdout?: Writable
  /** The longest incoming line in bytes; longer lines are skipped and answered `-32600`. @default 16 MiB */
  readonly maxMessageBytes?: number
  /** Closes the connection when aborted. */
  readonly signal?: AbortSignal
}

/**
 * Creates a newline-delimited JSON connection over Node streams. Reading respects backpressure (the
 * input is paused while frames wait to be read) and so does writing (`send` waits for `drain`).
 *
 * @example
 * // a stdio server
 * const engine = createJsonRpcEngine({ connection: createStdioConnection(), onRequest })
 *
 * // a client talking to a child process
 * const child = spawn('node', ['server.js'], { stdio: ['pipe', 'pipe', 'inherit'] })
 * const connection = createStdioConnection({ stdin: child.stdout, stdout: child.stdin })
 */
export function createStdioConnection(options: StdioConnectionOptions = {}): Connection {
  return createStreamConnection({
    readable: readableFromNode(options.stdin ?? process.stdin),
    writable: writableFromNode(options.stdout ?? process.stdout),
    ...(options.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.maxMessageBytes }),
    ...(options.signal ? { signal: options.signal } : {}),
  })
}

const encoder = new TextEncoder()

/**
 * Adapts a Node `Readable` to a web byte stream that pauses the Node stream while its queue is full.
 * Cancelling the web stream destroys the Node stream.
 *
 * @internal
 */
export function readableFromNode(stream: Readable): ReadableStream<Uint8Array> {
  let detach = () => {}
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const onData = (chunk: Uint8Array | string) => {
          controller.enqueue(toBytes(chunk))
          if ((controller.desiredSize ?? 1) <= 0) stream.pause()
        }
        const onEnd = () => {
          detach()
          controller.close()
        }
        const onError = (error: unknown) => {
          detach()
          controller.error(error)
        }
        detach = () => {
          stream.off('data', onData)
          stream.off('end', onEnd)
          stream.off('close', onEnd)
          stream.off('error', onError)
        }
        stream.on('data', onData)
        stream.on('end', onEnd)
        stream.on('close', onEnd)
        stream.on('error', onError)
      },
      pull() {
        stream.resume()
      },
      cancel() {
        detach()
        stream.destroy()
      },
    },
    { highWaterMark: 16 },
  )
}

/**
 * Adapts a Node `Writable` to a web byte stream. Writes wait for `drain` when the Node buffer is full;
 * a stream error fails the web stream (and so the connection) instead of crashing the process.
 *
 * @internal
 */
export function writableFromNode(stream: Writable): WritableStream<Uint8Array> {
  let detach = () => {}
  return new WritableStream<Uint8Array>({
    start(controller) {
      const onError = (error: unknown) => controller.error(error)
      stream.on('error', onError)
      detach = () => stream.off('error', onError)
    },
    write(chunk) {
      return stream.write(chunk) ? undefined : waitForDrain(stream)
    },
    close() {
      return new Promise<void>((resolve) => {
        stream.end(() => resolve())
      }).finally(() => detach())
    },
    abort() {
      detach()
      stream.destroy()
    },
  })
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('close', onClose)
      resolve()
    }
    const onClose = () => {
      stream.off('drain', onDrain)
      reject(new Error('The output stream closed before it drained'))
    }
    stream.once('drain', onDrain)
    stream.once('close', onClose)
  })
}

function toBytes(chunk: Uint8Array | string): Uint8Array {
  if (typeof chunk === 'string') return encoder.encode(chunk)
  // A plain view: Buffer's own `slice` does not copy, and core code expects standard semantics.
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
}
