// A real HTTP server on 127.0.0.1 for transport tests: each test scripts the answers with plain
// node:http, and the server records every request it saw.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** Resolves when the client closed (or the server ended) this exchange. */
  readonly closed: Promise<void>
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>

export interface LoopbackServer extends AsyncDisposable {
  /** `http://127.0.0.1:<port>/mcp` */
  readonly url: string
  readonly origin: string
  readonly requests: RecordedRequest[]
  /** Resolves once `count` requests matching `method` arrived. */
  waitForRequests(count: number, method?: string): Promise<RecordedRequest[]>
  close(): Promise<void>
}

export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = []
  const waiters = new Set<() => void>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    const closed = new Promise<void>((resolve) => res.once('close', () => resolve()))
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        closed,
      }
      requests.push(recorded)
      for (const wake of waiters) wake()
      Promise.resolve(handler(recorded, res)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  const close = async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return {
    url: `${origin}/mcp`,
    origin,
    requests,
    waitForRequests(count, method) {
      const matching = () => requests.filter((r) => method === undefined || r.method === method)
      return new Promise((resolve) => {
        const check = () => {
          if (matching().length < count) return
          waiters.delete(check)
          resolve(matching())
        }
        waiters.add(check)
        check()
      })
    },
    close,
    [Symbol.asyncDispose]: close,
  }
}

/** Starts an SSE answer. */
export function startSse(response: ServerResponse, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', ...headers })
  response.flushHeaders()
}

/** One SSE event as text. */
export function sseEvent(fields: {
  id?: string
  event?: string
  retry?: number
  data?: unknown
}): string {
  let text = ''
  if (fields.id !== undefined) text += `id: ${fields.id}\n`
  if (fields.event !== undefined) text += `event: ${fields.event}\n`
  if (fields.retry !== undefined) text += `retry: ${fields.retry}\n`
  const data = typeof fields.data === 'string' ? fields.data : JSON.stringify(fields.data ?? '')
  text += `data: ${fields.data === undefined ? '' : data}\n\n`
  return text
}

/** Answers JSON. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

/** Fails a test on any unhandled rejection while it runs; returns the uninstaller. */
export function guardUnhandledRejections(): { readonly seen: unknown[]; stop(): void } {
  const seen: unknown[] = []
  const onRejection = (reason: unknown) => seen.push(reason)
  process.on('unhandledRejection', onRejection)
  return { seen, stop: () => process.off('unhandledRejection', onRejection) }
}
