/**
 * An in-test HTTP server: a function from `Request` to `Response` behind an injected `fetch`. Aborting
 * a request's signal errors its response body, as a real `fetch` does, and the handler sees the
 * abort on `request.signal` (which is how a server notices a closed stream).
 */
/** A parsed JSON body whose shape the test asserts on. */
// biome-ignore lint/suspicious/noExplicitAny: tests read deep JSON bodies without declaring shapes
export type Json = any

export type FakeHandler = (request: Request) => Response | Promise<Response>

/** A recorded request: method, headers and the parsed JSON body. */
export interface Seen {
  readonly method: string
  readonly headers: Headers
  readonly body: Json
  readonly signal: AbortSignal
}

export interface FakeFetch {
  readonly fetch: typeof fetch
  /** Every request, in order. */
  readonly seen: Seen[]
  /** The POSTed JSON-RPC messages, in order. */
  posts(): Json[]
}

export function createFakeFetch(handler: FakeHandler): FakeFetch {
  const seen: Seen[] = []
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const text = request.method === 'POST' ? await request.clone().text() : ''
    const body = text === '' ? undefined : JSON.parse(text)
    seen.push({ method: request.method, headers: request.headers, body, signal: request.signal })
    if (request.signal.aborted) throw request.signal.reason
    const response = await handler(request)
    return withAbortableBody(response, request.signal)
  }
  return {
    fetch: fake as typeof fetch,
    seen,
    posts: () => seen.filter((s) => s.method === 'POST').map((s) => s.body),
  }
}

function withAbortableBody(response: Response, signal: AbortSignal): Response {
  const body = response.body
  if (body === null) return response
  const reader = body.getReader()
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      signal.addEventListener(
        'abort',
        () => {
          try {
            controller.error(new DOMException('The operation was aborted', 'AbortError'))
          } catch {}
          void reader.cancel().catch(() => {})
        },
        { once: true },
      )
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (error) {
        try {
          controller.error(error)
        } catch {}
      }
    },
    cancel(reason) {
      return reader.cancel(reason)
    },
  })
  return new Response(stream, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
}

/** A JSON response. */
export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  })
}

/** A JSON-RPC result response. */
export function result(id: unknown, value: unknown, headers?: Record<string, string>): Response {
  return json({ jsonrpc: '2.0', id, result: value }, headers === undefined ? {} : { headers })
}

/** A JSON-RPC error response. */
export function rpcError(
  id: unknown,
  error: { code: number; message: string; data?: unknown },
  status = 200,
): Response {
  return json({ jsonrpc: '2.0', id, error }, { status })
}

/** An SSE stream the test writes to. */
export interface SseStream {
  readonly response: Response
  send(message: unknown, id?: string): void
  comment(): void
  close(): void
  /** Breaks the stream (the connection drops). */
  fail(): void
}

export function sse(headers: Record<string, string> = {}): SseStream {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let open = true
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
    cancel() {
      open = false
    },
  })
  const write = (text: string) => {
    if (!open) return
    try {
      controller.enqueue(encoder.encode(text))
    } catch {
      open = false
    }
  }
  return {
    response: new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream', ...headers },
    }),
    send: (message, id) =>
      write(`${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(message)}\n\n`),
    comment: () => write(': keep-alive\n\n'),
    close: () => {
      if (!open) return
      open = false
      controller.close()
    },
    fail: () => {
      if (!open) return
      open = false
      controller.error(new TypeError('network connection lost'))
    },
  }
}

/** An SSE response carrying `messages`, then ending. */
export function sseOf(
  messages: readonly unknown[],
  headers: Record<string, string> = {},
): Response {
  const stream = sse(headers)
  for (const message of messages) stream.send(message)
  stream.close()
  return stream.response
}

/** 202 Accepted with no body. */
export function accepted(): Response {
  return new Response(null, { status: 202 })
}

/** Waits until `check` passes (or fails after `timeoutMs`). */
export async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('until: condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
