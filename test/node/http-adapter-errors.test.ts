import { createServer, type ServerOptions } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import {
  type HandlerLike,
  type NodeListenerOptions,
  toNodeListener,
} from '../../src/node/http-adapter.ts'

// Failing handlers, failing bodies and hostile requests: clean answers, no crash, nothing unhandled.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

async function start(
  handler: HandlerLike,
  options: { listener?: NodeListenerOptions; server?: ServerOptions } = {},
) {
  const server = createServer(options.server ?? {}, toNodeListener(handler, options.listener))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  const { port } = server.address() as AddressInfo
  return { port, url: `http://127.0.0.1:${port}` }
}

function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.from(text, 'latin1')))
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1')
    })
    socket.on('error', reject)
    socket.on('close', () => resolve(answer))
  })
}

const statusLine = (raw: string) => raw.split('\r\n')[0]

function collectErrors() {
  const errors: { error: unknown; request: Request }[] = []
  const onError = (error: unknown, request: Request) => errors.push({ error, request })
  return { errors, onError }
}

describe('failing handlers', () => {
  test('a handler that throws gets a 500 with a short plain body; onError sees it', async () => {
    const { errors, onError } = collectErrors()
    const boom = new Error('boom')
    const { url } = await start(
      () => {
        throw boom
      },
      { listener: { onError } },
    )
    const response = await fetch(`${url}/fails`)
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toBe('Internal Server Error')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.error).toBe(boom)
    expect(errors[0]?.request.url).toBe(`${url}/fails`)
  })

  test('a handler that rejects, or answers something other than a Response, gets a 500', async () => {
    const { errors, onError } = collectErrors()
    const { url } = await start(
      async (request) => {
        if (new URL(request.url).pathname === '/reject') throw new Error('async boom')
        return 'not a response' as unknown as Response
      },
      { listener: { onError } },
    )
    expect((await fetch(`${url}/reject`)).status).toBe(500)
    expect((await fetch(`${url}/string`)).status).toBe(500)
    expect(errors.map((e) => (e.error as Error).message)).toEqual([
      'async boom',
      'The handler did not return a Response',
    ])
  })

  test('an onError that throws changes nothing', async () => {
    const { url } = await start(
      () => {
        throw new Error('boom')
      },
      {
        listener: {
          onError: () => {
            throw new Error('onError failed too')
          },
        },
      },
    )
    expect((await fetch(url)).status).toBe(500)
    expect((await fetch(url)).status).toBe(500)
  })

  test('a body that is broken from the start still gets a 500', async () => {
    const { errors, onError } = collectErrors()
    const { url } = await start(
      () =>
        new Response(
          new ReadableStream({
            start: (controller) => controller.error(new Error('no data')),
          }),
        ),
      { listener: { onError } },
    )
    const response = await fetch(url)
    expect(response.status).toBe(500)
    expect(await response.text()).toBe('Internal Server Error')
    expect(errors[0]?.error).toMatchObject({ message: 'no data' })
  })

  test('a body that fails mid-way truncates the response; the server stays healthy', async () => {
    const { errors, onError } = collectErrors()
    const { url } = await start(
      (request) => {
        if (new URL(request.url).pathname === '/ok') return new Response('fine')
        let sent = 0
        return new Response(
          new ReadableStream({
            async pull(controller) {
              if (sent++ < 3) controller.enqueue(new TextEncoder().encode(`chunk ${sent}\n`))
              else throw new Error('producer died')
            },
          }),
        )
      },
      { listener: { onError } },
    )
    const response = await fetch(url)
    expect(response.status).toBe(200)
    // The head and the chunks sent so far arrive; the missing end of the chunked body fails the read.
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toContain('chunk 1')
    await expect(
      (async () => {
        while (!(await reader.read()).done) {}
      })(),
    ).rejects.toThrow()
    expect(errors[0]?.error).toMatchObject({ message: 'producer died' })
    expect(await (await fetch(`${url}/ok`)).text()).toBe('fine')
  })
})

describe('hostile requests get a clean 400', () => {
  const echo = (request: Request) => new Response(request.url)

  test.each([
    ['a space', 'exa mple'],
    ['userinfo', 'user:pw@example.com'],
    ['a path', 'example.com/evil'],
    ['an unclosed IPv6 literal', '[::1'],
    ['a port out of range', 'example.com:99999'],
    ['a bad percent escape', '%zz'],
    ['a backslash', 'example.com\\x'],
    ['a query', 'example.com?x'],
  ])('a Host header with %s', async (_name, host) => {
    const { port } = await start(echo)
    const raw = await sendRaw(port, `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
    expect(statusLine(raw)).toBe('HTTP/1.1 400 Bad Request')
    expect(raw).toMatch(/\r\nconnection: close\r\n/i)
    expect(raw.endsWith('\r\n\r\nBad Request')).toBe(true)
  })

  test.each([
    ['the asterisk form', '*'],
    ['a malformed absolute form', 'http://[oops/x'],
    ['an absolute form with a bad host', 'http://%zz/x'],
    ['an absolute form with a bad port', 'http://example.com:70000/'],
  ])('a request target in %s', async (_name, target) => {
    const { port } = await start(echo)
    const raw = await sendRaw(
      port,
      `OPTIONS ${target} HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n`,
    )
    expect(statusLine(raw)).toBe('HTTP/1.1 400 Bad Request')
  })

  test('a header value the Headers class refuses (NUL, let through by a lenient parser)', async () => {
    const { port } = await start(echo, { server: { insecureHTTPParser: true } })
    const raw = await sendRaw(
      port,
      'GET / HTTP/1.1\r\nHost: example.com\r\nX-Bad: a\x00b\r\nConnection: close\r\n\r\n',
    )
    expect(statusLine(raw)).toBe('HTTP/1.1 400 Bad Request')
  })

  test('the same header with node’s default strict parser is refused before the handler', async () => {
    let called = false
    const { port } = await start(() => {
      called = true
      return new Response('no')
    })
    const raw = await sendRaw(
      port,
      'GET / HTTP/1.1\r\nHost: example.com\r\nX-Bad: a\x00b\r\nConnection: close\r\n\r\n',
    )
    expect(statusLine(raw)).toBe('HTTP/1.1 400 Bad Request')
    expect(called).toBe(false)
  })

  test('a method Request refuses (TRACE)', async () => {
    const { port } = await start(echo)
    const raw = await sendRaw(
      port,
      'TRACE / HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n',
    )
    expect(statusLine(raw)).toBe('HTTP/1.1 400 Bad Request')
  })

  test('after hostile requests the server answers normally', async () => {
    const { port, url } = await start(echo)
    await sendRaw(port, 'GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n')
    await sendRaw(port, 'GET * HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n')
    const response = await fetch(`${url}/fine`)
    expect(await response.text()).toBe(`${url}/fine`)
  })
})
