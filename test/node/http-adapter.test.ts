import { createHash } from 'node:crypto'
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import {
  type HandlerLike,
  type NodeListenerOptions,
  toNodeListener,
} from '../../src/node/http-adapter.ts'

// Request and response conversion over real HTTP on loopback.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

async function start(handler: HandlerLike, options?: NodeListenerOptions) {
  const server = createServer(toNodeListener(handler, options))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  const { port } = server.address() as AddressInfo
  return { port, url: `http://127.0.0.1:${port}` }
}

interface Answer {
  status: number
  statusMessage: string
  headers: IncomingHttpHeaders
  body: string
}

// node's client, for what fetch hides: repeated request headers, status text, raw set-cookie lines.
function send(
  url: string,
  init: {
    method?: string
    headers?: Record<string, string | string[]>
    body?: string | Buffer
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          statusMessage: res.statusMessage ?? '',
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      )
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

// Sends raw bytes and returns the raw answer; the connection is closed by the request.
function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1')
    })
    socket.on('error', reject)
    socket.on('close', () => resolve(answer))
  })
}

const echo = async (request: Request) =>
  Response.json({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: request.body === null ? null : await request.text(),
    aborted: request.signal.aborted,
    isRequest: request instanceof Request,
  })

describe('IncomingMessage → Request', () => {
  test('method, absolute URL, headers and body arrive as sent', async () => {
    const { url, port } = await start(echo)
    const answer = await send(`${url}/mcp/path?x=1&y=%20`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-token': 'abc' },
      body: '{"hello":"world"}',
    })
    expect(answer.status).toBe(200)
    const seen = JSON.parse(answer.body)
    expect(seen).toMatchObject({
      method: 'PUT',
      url: `http://127.0.0.1:${port}/mcp/path?x=1&y=%20`,
      body: '{"hello":"world"}',
      aborted: false,
      isRequest: true,
    })
    expect(seen.headers).toMatchObject({
      host: `127.0.0.1:${port}`,
      'content-type': 'application/json',
      'content-length': '17',
      'x-token': 'abc',
    })
  })

  test('a clone keeps the body, the headers and the signal', async () => {
    const { url } = await start(async (request) => {
      const copy = request.clone()
      return Response.json({
        original: await request.text(),
        copy: await copy.text(),
        header: copy.headers.get('x-token'),
        sameSignal: copy.signal === request.signal,
        isRequest: copy instanceof Request,
      })
    })
    const answer = await send(url, { method: 'POST', headers: { 'x-token': 't' }, body: 'twice' })
    expect(JSON.parse(answer.body)).toEqual({
      original: 'twice',
      copy: 'twice',
      header: 't',
      sameSignal: true,
      isRequest: true,
    })
  })

  test('a repeated header is joined with ", " as the Fetch standard says', async () => {
    const { url } = await start(echo)
    const answer = await send(url, { headers: { 'x-multi': ['a', 'b', 'c'], 'x-one': 'z' } })
    expect(JSON.parse(answer.body).headers).toMatchObject({ 'x-multi': 'a, b, c', 'x-one': 'z' })
  })

  test('GET and HEAD get no body; a POST without one gets null', async () => {
    const { url } = await start(echo)
    const get = JSON.parse((await send(url)).body)
    expect(get).toMatchObject({ method: 'GET', body: null })
    const post = JSON.parse((await send(url, { method: 'POST' })).body)
    expect(post).toMatchObject({ method: 'POST', body: null })
    const head = await send(url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
  })

  test.each([
    ['a small body', 1_000],
    ['a body just over the buffering limit', 64 * 1024 + 1],
    ['a 5 MB body', 5 * 1024 * 1024],
  ])('%s arrives intact', async (_name, size) => {
    const { url } = await start(async (request) => {
      const bytes = new Uint8Array(await request.arrayBuffer())
      return Response.json({
        size: bytes.byteLength,
        sha: createHash('sha256').update(bytes).digest('hex'),
      })
    })
    const body = Buffer.alloc(size)
    for (let i = 0; i < size; i++) body[i] = (i * 31) % 251
    const answer = await send(url, { method: 'POST', body })
    expect(JSON.parse(answer.body)).toEqual({
      size,
      sha: createHash('sha256').update(body).digest('hex'),
    })
  })

  test('a chunked body streams: the handler reads the first chunk before the client sent the rest', async () => {
    let firstChunkSeen: () => void = () => {}
    const seen = new Promise<void>((resolve) => {
      firstChunkSeen = resolve
    })
    const { url } = await start(async (request) => {
      const reader = (request.body as ReadableStream<Uint8Array>).getReader()
      const decoder = new TextDecoder()
      let text = ''
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        text += decoder.decode(read.value, { stream: true })
        if (text.includes('first')) firstChunkSeen()
      }
      return new Response(text)
    })
    const answer = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST' }, (res) => {
        let text = ''
        res.on('data', (chunk) => {
          text += chunk
        })
        res.on('end', () => resolve(text))
      })
      req.on('error', reject)
      req.write('first,')
      // The second chunk is only sent once the handler has seen the first one.
      void seen.then(() => req.end('second'))
    })
    expect(answer).toBe('first,second')
  })

  test('an HTTP/1.0 request without Host gets the socket address as its origin', async () => {
    const { port } = await start(echo)
    const raw = await sendRaw(port, 'GET /no-host HTTP/1.0\r\n\r\n')
    expect(raw.startsWith('HTTP/1.1 200')).toBe(true)
    expect(raw).toContain(`"url":"http://127.0.0.1:${port}/no-host"`)
  })

  test('a TLS socket makes the URL https', async () => {
    const server = createServer(toNodeListener(echo))
    // node's TLSSocket sets `encrypted`; marking a plain socket the same way spares a certificate.
    server.prependListener('connection', (socket) => Object.assign(socket, { encrypted: true }))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    })
    const { port } = server.address() as AddressInfo
    const seen = JSON.parse((await send(`http://127.0.0.1:${port}/secure`)).body)
    expect(seen.url).toBe(`https://127.0.0.1:${port}/secure`)
  })

  test('baseUrl pins the origin', async () => {
    const { url } = await start(echo, { baseUrl: 'https://mcp.example.com' })
    const seen = JSON.parse((await send(`${url}/a?b=c`)).body)
    expect(seen.url).toBe('https://mcp.example.com/a?b=c')
  })

  test('an absolute-form target is rebuilt from its host and path, without credentials', async () => {
    const { port } = await start(echo)
    const raw = await sendRaw(
      port,
      'GET http://user:secret@proxied.example:8080/p?q=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    )
    expect(raw).toContain('"url":"http://proxied.example:8080/p?q=1"')
    expect(raw).not.toContain('secret')
  })

  test('a target starting with // stays a path on our own host', async () => {
    const { port } = await start(echo)
    const raw = await sendRaw(
      port,
      `GET //evil.example/x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    )
    expect(raw).toContain(`"url":"http://127.0.0.1:${port}//evil.example/x"`)
  })
})

describe('Response → ServerResponse', () => {
  test('status, status text and headers', async () => {
    const { url } = await start(
      () =>
        new Response('made', {
          status: 201,
          statusText: 'Made It',
          headers: { 'x-custom': 'yes', 'content-type': 'text/plain' },
        }),
    )
    const answer = await send(url)
    expect(answer).toMatchObject({ status: 201, statusMessage: 'Made It', body: 'made' })
    expect(answer.headers).toMatchObject({
      'x-custom': 'yes',
      'content-type': 'text/plain',
      'content-length': '4',
    })
  })

  test('several set-cookie headers stay separate', async () => {
    const { url } = await start(() => {
      const headers = new Headers()
      headers.append('set-cookie', 'a=1; Path=/')
      headers.append('set-cookie', 'b=2, c; HttpOnly')
      return new Response('ok', { headers })
    })
    const answer = await send(url)
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2, c; HttpOnly'])
  })

  test('a complete body goes out with Content-Length, not chunked', async () => {
    const { url } = await start(() => Response.json({ jsonrpc: '2.0', id: 1, result: {} }))
    const answer = await send(url)
    expect(answer.headers['content-length']).toBe(String(answer.body.length))
    expect(answer.headers['transfer-encoding']).toBeUndefined()
    expect(JSON.parse(answer.body)).toEqual({ jsonrpc: '2.0', id: 1, result: {} })
  })

  test('HEAD is answered without a body and the body is cancelled', async () => {
    let cancelled = false
    const { url } = await start(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.enqueue(new TextEncoder().encode('never sent'))
            },
            cancel() {
              cancelled = true
            },
          }),
          { headers: { 'content-length': '10', 'x-head': '1' } },
        ),
    )
    const answer = await send(url, { method: 'HEAD' })
    expect(answer).toMatchObject({ status: 200, body: '' })
    expect(answer.headers).toMatchObject({ 'x-head': '1', 'content-length': '10' })
    expect(cancelled).toBe(true)
  })

  test('empty bodies: null, empty string and 204', async () => {
    const { url } = await start((request) => {
      const path = new URL(request.url).pathname
      if (path === '/null') return new Response(null, { status: 202 })
      if (path === '/empty') return new Response('')
      return new Response(null, { status: 204, headers: { 'x-no': 'content' } })
    })
    const none = await send(`${url}/null`)
    expect(none).toMatchObject({ status: 202, body: '' })
    expect(none.headers['content-length']).toBe('0')
    const empty = await send(`${url}/empty`)
    expect(empty).toMatchObject({ status: 200, body: '' })
    expect(empty.headers['content-length']).toBe('0')
    const noContent = await send(`${url}/204`)
    expect(noContent).toMatchObject({ status: 204, body: '' })
    expect(noContent.headers['x-no']).toBe('content')
    expect(noContent.headers['content-length']).toBeUndefined()
  })

  test('string chunks and Uint8Array chunks are both written', async () => {
    const { url } = await start(
      () =>
        new Response(
          new ReadableStream<unknown>({
            start(controller) {
              controller.enqueue('text, ')
              controller.enqueue(new TextEncoder().encode('bytes, '))
              controller.enqueue('é')
              controller.close()
            },
          }) as ReadableStream<Uint8Array>,
        ),
    )
    expect((await send(url)).body).toBe('text, bytes, é')
  })

  test('an object with a handle method is accepted as the handler', async () => {
    const server = { handle: async (request: Request) => new Response(`handled ${request.method}`) }
    const { url } = await start(server)
    expect((await send(url, { method: 'DELETE' })).body).toBe('handled DELETE')
  })
})

describe('toNodeListener options', () => {
  test('a handler that is neither a function nor has handle() is refused', () => {
    expect(() => toNodeListener({} as HandlerLike)).toThrow(TypeError)
    expect(() => toNodeListener(null as unknown as HandlerLike)).toThrow(/handler/)
  })

  test.each([
    'ftp://example.com',
    'not a url',
    'https://example.com/prefix',
    'https://user:pw@example.com',
  ])('baseUrl %s is refused, naming the option', (baseUrl) => {
    expect(() => toNodeListener(echo, { baseUrl })).toThrow(/`baseUrl`/)
  })

  test('onError must be a function', () => {
    expect(() =>
      toNodeListener(echo, { onError: 'log' as unknown as NodeListenerOptions['onError'] }),
    ).toThrow(/`onError`/)
  })
})
