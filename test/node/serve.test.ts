import { Agent, get as httpGet, type IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import type { HandlerLike } from '../../src/node/http-adapter.ts'
import { type ServedHandle, serve } from '../../src/node/serve.ts'
import type { ListenInfo, ServeOptions } from '../../src/node/serve-options.ts'

// serve(): listening, closing and option checks, over real HTTP on loopback.

const handles: ServedHandle[] = []
afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.close()))
})

async function start(handler: HandlerLike, options: ServeOptions = {}) {
  const handle = await serve(handler, { port: 0, ...options })
  handles.push(handle)
  return handle
}

function deferred<T = void>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// Counts listening handles once handles closed by earlier tests (a failed listen, say) are gone.
async function listeningServers() {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve))
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap').length
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.on('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

function getWith(agent: Agent, url: string): Promise<IncomingMessage & { text: string }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent }, (res) => {
      let text = ''
      res.on('data', (chunk) => {
        text += chunk
      })
      res.on('end', () => resolve(Object.assign(res, { text })))
    }).on('error', reject)
  })
}

describe('serve', () => {
  test('port 0 picks a free port on loopback; onListen and the handle agree', async () => {
    let listened: ListenInfo | undefined
    const served = await start(() => new Response('hello'), {
      onListen: (info) => {
        listened = info
      },
    })
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(served.port).toBeGreaterThan(0)
    expect(served.url).toBe(`http://127.0.0.1:${served.port}/`)
    expect(listened).toEqual({ url: served.url, host: '127.0.0.1', port: served.port })
    expect(served.server.listening).toBe(true)
    expect(await (await fetch(served.url)).text()).toBe('hello')
  })

  test('an object with handle() serves, and listener options reach the adapter', async () => {
    const errors: unknown[] = []
    const served = await start(
      {
        handle: async (request) => {
          if (request.url.endsWith('/boom')) throw new Error('boom')
          return new Response(request.url)
        },
      },
      { baseUrl: 'https://mcp.example.com', onError: (error) => errors.push(error) },
    )
    expect(await (await fetch(`${served.url}path`)).text()).toBe('https://mcp.example.com/path')
    expect((await fetch(`${served.url}boom`)).status).toBe(500)
    expect(errors).toHaveLength(1)
  })

  test('an onListen that throws rejects and leaves nothing listening', async () => {
    const before = await listeningServers()
    const failure = new Error('onListen failed')
    await expect(
      serve(() => new Response('x'), {
        port: 0,
        onListen: () => {
          throw failure
        },
      }),
    ).rejects.toBe(failure)
    expect(await listeningServers()).toBe(before)
  })

  test('a taken port rejects', async () => {
    const first = await start(() => new Response('first'))
    await expect(serve(() => new Response('second'), { port: first.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    })
  })
})

describe('close', () => {
  test('leaves nothing listening', async () => {
    const before = await listeningServers()
    const served = await serve(() => new Response('bye'), { port: 0 })
    expect(await listeningServers()).toBe(before + 1)
    await fetch(served.url).then((response) => response.text())
    await served.close()
    expect(served.server.listening).toBe(false)
    expect(await listeningServers()).toBe(before)
    expect(await refusesConnections(served.port)).toBe(true)
  })

  test('waits for an in-flight response, which completes and closes its connection', async () => {
    const arrived = deferred()
    const release = deferred()
    // A long keep-alive timeout: close() would hang on the idle connection if it were kept.
    const served = await start(
      async () => {
        arrived.resolve()
        await release.promise
        return new Response('finished')
      },
      { keepAliveTimeoutMs: 60_000 },
    )
    const agent = new Agent({ keepAlive: true })
    const answer = getWith(agent, served.url)
    await arrived.promise
    let closed = false
    const closing = served.close().then(() => {
      closed = true
    })
    await sleep(50)
    expect(closed).toBe(false)
    expect(await refusesConnections(served.port)).toBe(true)
    release.resolve()
    const response = await answer
    expect(response.statusCode).toBe(200)
    expect(response.text).toBe('finished')
    expect(response.headers.connection).toBe('close')
    await closing
    expect(closed).toBe(true)
    agent.destroy()
  })

  test('ends idle keep-alive connections at once', async () => {
    const served = await start(() => new Response('idle soon'), { keepAliveTimeoutMs: 60_000 })
    const agent = new Agent({ keepAlive: true })
    const response = await getWith(agent, served.url)
    expect(response.headers.connection).toBe('keep-alive')
    await served.close()
    expect(served.server.listening).toBe(false)
    agent.destroy()
  })

  test('a keep-alive connection whose response was already streaming closes when it ends', async () => {
    const stream = deferred<ReadableStreamDefaultController<Uint8Array>>()
    const served = await start(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({ start: (controller) => stream.resolve(controller) }),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
      { keepAliveTimeoutMs: 60_000 },
    )
    const agent = new Agent({ keepAlive: true })
    const res = await new Promise<IncomingMessage>((resolve) =>
      httpGet(served.url, { agent }, resolve),
    )
    const controller = await stream.promise
    let text = ''
    const firstEvent = new Promise((resolve) => res.once('data', resolve))
    res.on('data', (chunk) => {
      text += chunk
    })
    const ended = new Promise((resolve) => res.on('end', resolve))
    controller.enqueue(new TextEncoder().encode('data: 1\n\n'))
    await firstEvent
    // The head went out as keep-alive before close() was called.
    expect(res.headers.connection).toBe('keep-alive')
    const closing = served.close()
    // The handler's own shutdown ends its stream; close() resolves after that.
    controller.enqueue(new TextEncoder().encode('data: 2\n\n'))
    controller.close()
    await ended
    expect(text).toBe('data: 1\n\ndata: 2\n\n')
    await closing
    expect(served.server.listening).toBe(false)
    agent.destroy()
  })

  test('is idempotent and works with await using', async () => {
    let server: ServedHandle['server'] | undefined
    {
      await using served = await serve(() => new Response('scoped'), { port: 0 })
      server = served.server
      const first = served.close()
      expect(served.close()).toBe(first)
      await first
    }
    expect(server?.listening).toBe(false)
  })

  test('aborting the signal closes the server', async () => {
    const controller = new AbortController()
    const served = await serve(() => new Response('until aborted'), {
      port: 0,
      signal: controller.signal,
    })
    expect(await (await fetch(served.url)).text()).toBe('until aborted')
    const closed = new Promise((resolve) => served.server.once('close', resolve))
    controller.abort()
    await closed
    expect(served.server.listening).toBe(false)
    expect(await refusesConnections(served.port)).toBe(true)
    await served.close()
  })

  test('an already aborted signal rejects and listens on nothing', async () => {
    const before = await listeningServers()
    const reason = new Error('stop')
    await expect(
      serve(() => new Response('never'), { port: 0, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason)
    expect(await listeningServers()).toBe(before)
  })
})

describe('options are checked on creation', () => {
  const ok = () => new Response('ok')

  test.each([-1, 65_536, 1.5, Number.NaN, '3000' as unknown as number])(
    'port %s is a RangeError naming the option and value',
    async (port) => {
      const error = await serve(ok, { port }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RangeError)
      expect((error as Error).message).toContain('`port`')
      expect((error as Error).message).toContain(String(port))
    },
  )

  test.each([
    ['keepAliveTimeoutMs', { keepAliveTimeoutMs: -1 }],
    ['headersTimeoutMs', { headersTimeoutMs: 0.5 }],
    ['requestTimeoutMs', { requestTimeoutMs: Number.POSITIVE_INFINITY }],
    ['headersTimeoutMs', { headersTimeoutMs: 10_000, requestTimeoutMs: 5_000 }],
  ] as const)('%s out of range is a RangeError naming it', async (name, options) => {
    const error = await serve(ok, { port: 0, ...options }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RangeError)
    expect((error as Error).message).toContain(`\`${name}\``)
  })

  test.each([
    ['host', { host: '' }],
    ['signal', { signal: {} as AbortSignal }],
    ['onListen', { onListen: 'yes' as unknown as ServeOptions['onListen'] }],
    ['baseUrl', { baseUrl: 'mailto:someone@example.com' }],
  ] as const)('a bad %s is a TypeError naming it', async (name, options) => {
    const error = await serve(ok, { port: 0, ...options }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toContain(`\`${name}\``)
  })

  test('a handler that is not one is a TypeError', async () => {
    await expect(serve(42 as unknown as HandlerLike, { port: 0 })).rejects.toThrow(TypeError)
  })

  test('refused options leave nothing listening', async () => {
    const before = await listeningServers()
    await serve(ok, { port: -1 }).catch(() => {})
    expect(await listeningServers()).toBe(before)
  })
})
