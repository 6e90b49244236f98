import {
  createServer,
  get as httpGet,
  request as httpRequest,
  type IncomingMessage,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { type HandlerLike, toNodeListener } from '../../src/node/http-adapter.ts'

// Streaming over real HTTP on loopback: event streams, backpressure, disconnects, request bodies.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

async function start(handler: HandlerLike) {
  const server = createServer(toNodeListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function deferred<T = void>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const encoder = new TextEncoder()

function eventStream(source: UnderlyingDefaultSource<Uint8Array>): Response {
  return new Response(new ReadableStream(source), {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' },
  })
}

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string) {
  const decoder = new TextDecoder()
  let seen = ''
  while (!seen.includes(text)) {
    const read = await reader.read()
    if (read.done) throw new Error(`stream ended before ${JSON.stringify(text)}; got ${seen}`)
    seen += decoder.decode(read.value, { stream: true })
  }
  return seen
}

describe('event streams', () => {
  test('the head reaches the client before the first event exists', async () => {
    const push = deferred<ReadableStreamDefaultController<Uint8Array>>()
    const url = await start(() => eventStream({ start: (controller) => push.resolve(controller) }))
    // fetch resolves on the head alone: nothing has been enqueued yet.
    const response = await fetch(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const controller = await push.promise
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    controller.enqueue(encoder.encode('data: one\n\n'))
    expect(await readUntil(reader, 'one')).toContain('data: one')
    controller.close()
    expect((await reader.read()).done).toBe(true)
  })

  test('each event arrives before the stream ends', async () => {
    const next = deferred()
    const url = await start(() =>
      eventStream({
        async start(controller) {
          controller.enqueue(encoder.encode('data: first\n\n'))
          await next.promise
          controller.enqueue(encoder.encode('data: second\n\n'))
          controller.close()
        },
      }),
    )
    const response = await fetch(url)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    // The second event is only produced once the client has received the first.
    expect(await readUntil(reader, 'first')).not.toContain('second')
    next.resolve()
    expect(await readUntil(reader, 'second')).toContain('data: second')
    expect((await reader.read()).done).toBe(true)
  })
})

describe('backpressure', () => {
  test('a slow reader holds the producer back: pull is not called far ahead of the socket', async () => {
    const chunk = new Uint8Array(64 * 1024)
    let pulls = 0
    const cancelled = deferred()
    const url = await start(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              // Without backpressure the pump never yields; erroring stops it so the test can fail.
              if (++pulls > 1024) controller.error(new Error('pulled 64 MiB without backpressure'))
              else controller.enqueue(chunk)
            },
            cancel: () => cancelled.resolve(),
          }),
        ),
    )
    const res = await new Promise<IncomingMessage>((resolve) => httpGet(url, resolve))
    let received = 0
    res.on('data', (data: Buffer) => {
      received += data.length
    })
    res.pause()
    // An endless body: without backpressure the pulls would never stop. Wait for them to settle.
    let settled = 0
    for (let last = -1; settled < 5; await sleep(50)) {
      settled = pulls === last ? settled + 1 : 0
      last = pulls
      expect(pulls).toBeLessThan(1024)
    }
    const pulledWhilePaused = pulls * chunk.byteLength
    // What was pulled but not read sits in socket buffers (kernel and node): a few MB on loopback.
    expect(pulledWhilePaused - received).toBeLessThan(16 * 1024 * 1024)
    // Reading again lets the producer go on.
    const target = pulledWhilePaused + 4 * 1024 * 1024
    res.resume()
    while (received < target) await sleep(10)
    expect(pulls * chunk.byteLength).toBeGreaterThan(pulledWhilePaused)
    res.destroy()
    await cancelled.promise
  })
})

describe('client disconnects', () => {
  test('mid-stream: request.signal aborts, the body is cancelled, others are still served', async () => {
    const aborted = deferred<unknown>()
    const cloneAborted = deferred()
    const cancelled = deferred<unknown>()
    const url = await start((request) => {
      if (new URL(request.url).pathname === '/other') return new Response('still here')
      request.signal.addEventListener('abort', () => aborted.resolve(request.signal.reason))
      request.clone().signal.addEventListener('abort', () => cloneAborted.resolve())
      return eventStream({
        start: (controller) => controller.enqueue(encoder.encode('data: hello\n\n')),
        cancel: (reason) => cancelled.resolve(reason),
      })
    })
    const client = new AbortController()
    const response = await fetch(url, { signal: client.signal })
    await readUntil((response.body as ReadableStream<Uint8Array>).getReader(), 'hello')
    client.abort()
    const reason = await aborted.promise
    expect(reason).toBeInstanceOf(DOMException)
    expect((reason as DOMException).name).toBe('AbortError')
    expect(await cancelled.promise).toBe(reason)
    await cloneAborted.promise
    expect(await (await fetch(`${url}/other`)).text()).toBe('still here')
  })

  test('before the handler answers: the signal aborts and the late body is cancelled', async () => {
    const cancelled = deferred()
    const handled = deferred()
    const url = await start(async (request) => {
      await new Promise((resolve) => request.signal.addEventListener('abort', resolve))
      handled.resolve()
      return eventStream({ cancel: () => cancelled.resolve() })
    })
    const client = new AbortController()
    const pending = fetch(url, { signal: client.signal }).catch((error: unknown) => error)
    await sleep(20)
    client.abort()
    expect(await pending).toBeInstanceOf(DOMException)
    await handled.promise
    await cancelled.promise
  })

  test('while the request body is streaming: the body stream errors, the process survives', async () => {
    const bodyError = deferred<unknown>()
    const url = await start(async (request) => {
      const reader = (request.body as ReadableStream<Uint8Array>).getReader()
      try {
        while (!(await reader.read()).done) {}
      } catch (error) {
        bodyError.resolve(error)
      }
      return new Response('unreachable')
    })
    const req = httpRequest(url, { method: 'POST' })
    req.on('error', () => {})
    req.write('part of a body that never ends')
    await sleep(20)
    req.destroy()
    expect(await bodyError.promise).toBeInstanceOf(Error)
    expect(await (await fetch(url, { method: 'POST', body: 'next' })).text()).toBe('unreachable')
  })
})

describe('request bodies', () => {
  test('a handler can stop reading a large body and still answer', async () => {
    const url = await start(async (request) => {
      const reader = (request.body as ReadableStream<Uint8Array>).getReader()
      await reader.read()
      await reader.cancel()
      return new Response('too large', { status: 413 })
    })
    const body = new Uint8Array(8 * 1024 * 1024)
    const response = await fetch(url, { method: 'POST', body })
    expect(response.status).toBe(413)
    expect(await response.text()).toBe('too large')
  })
})
