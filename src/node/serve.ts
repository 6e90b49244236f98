import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LinkedList } from '../core/linked-list.ts'
import { type HandlerLike, type NodeListener, toNodeListener } from './http-adapter.ts'
import { type ListenInfo, resolveServeOptions, type ServeOptions } from './serve-options.ts'

/** A running server, as {@link serve} returns it. */
export interface ServedHandle extends AsyncDisposable {
  /** The URL of the server's root, e.g. `http://127.0.0.1:3000/`. */
  readonly url: string
  /** The port it listens on. */
  readonly port: number
  /** The node server, for what this handle does not cover. */
  readonly server: Server
  /**
   * Stops accepting connections, closes idle keep-alive connections, and resolves once every
   * in-flight response has ended; a connection then closes as soon as its response is done.
   * Long-lived streams end when the handler ends them (its own shutdown); to cut them off instead,
   * call `server.closeAllConnections()`. Calling it again returns the same promise.
   */
  close(): Promise<void>
}

/**
 * Serves a web-standard handler over node `http`. Resolves once the server listens.
 *
 * Rejects when the port is taken or `signal` is already aborted. Options are checked before
 * anything listens: a bad one rejects with a `TypeError` or `RangeError` that names it.
 *
 * @example
 * const served = await serve(async (request) => Response.json({ path: new URL(request.url).pathname }), {
 *   port: 0,
 * })
 * console.log(`listening on ${served.url}`)
 * await served.close()
 * @see {@link toNodeListener} to mount the handler on a server you create yourself (for TLS, say).
 */
export async function serve(
  handler: HandlerLike,
  options: ServeOptions = {},
): Promise<ServedHandle> {
  const resolved = resolveServeOptions(options)
  const listener = toNodeListener(handler, resolved.listener)
  const { signal } = resolved
  signal?.throwIfAborted()
  const server = createServer(resolved.server)
  const inFlight = trackInFlight(server, listener)
  await listen(server, resolved)
  const port = (server.address() as AddressInfo).port
  const info: ListenInfo = { url: rootUrl(resolved.host, port), host: resolved.host, port }
  let closing: Promise<void> | undefined
  const onAbort = () => void close()
  const close = () => {
    signal?.removeEventListener('abort', onAbort)
    closing ??= shutDown(server, inFlight)
    return closing
  }
  if (signal?.aborted) {
    await close()
    signal.throwIfAborted()
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    resolved.onListen?.(info)
  } catch (error) {
    // Nobody gets a handle to close: do not leave the server behind.
    await close()
    throw error
  }
  return { url: info.url, port, server, close, [Symbol.asyncDispose]: close }
}

function listen(server: Server, { host, port }: { host: string; port: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function rootUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`
}

/** The responses not finished yet, and whether the server is shutting down. */
interface InFlight {
  // A list, not a Set: one add and one delete per request would rebuild a Set's table (see
  // core/linked-list.ts).
  readonly responses: LinkedList<ServerResponse>
  closing: boolean
}

// Node keeps a keep-alive connection open for `keepAliveTimeout` after its last response, even
// while the server closes; knowing the open responses lets shutdown end each connection as soon as
// its response is done, instead of seconds later.
function trackInFlight(server: Server, listener: NodeListener): InFlight {
  const inFlight: InFlight = { responses: new LinkedList(), closing: false }
  server.on('request', (req, res) => {
    if (inFlight.closing) res.setHeader('connection', 'close')
    const node = inFlight.responses.push(res)
    const onClose = () => {
      res.off('close', onClose)
      inFlight.responses.remove(node)
      if (inFlight.closing) server.closeIdleConnections()
    }
    res.on('close', onClose)
    listener(req, res)
  })
  return inFlight
}

function shutDown(server: Server, inFlight: InFlight): Promise<void> {
  inFlight.closing = true
  for (const { value: res } of inFlight.responses.nodes()) {
    if (!res.headersSent) res.setHeader('connection', 'close')
  }
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)))
    server.closeIdleConnections()
  })
}
