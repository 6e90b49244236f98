import {
  createServer,
  get as httpGet,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import type { BufferedAnswer, StreamingResponse } from '../../src/core/buffered-exchange.ts'
import type { BodySink } from '../../src/core/sse/writer.ts'
import { toNodeListener } from '../../src/node/http-adapter.ts'

// The buffered exchange's streaming answers over real HTTP on loopback: what a stream writes in its
// first tick leaves with the head, sized when the stream also ended then, chunked otherwise.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

const HEAD = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }

async function serveStream(connect: (sink: BodySink) => void): Promise<string> {
  const answer: StreamingResponse = {
    status: 200,
    headerFields: HEAD,
    connect(sink) {
      connect(sink)
      return () => {}
    },
  }
  const handler = {
    handle: () => new Response('not used', { status: 500 }),
    handleBuffered: async (): Promise<BufferedAnswer> => answer,
  }
  const server = createServer(toNodeListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

function head(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => httpGet(url, resolve).on('error', reject))
}

function body(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      text += chunk
    })
    response.on('end', () => resolve(text))
    response.on('error', reject)
  })
}

describe('streaming answers of the buffered exchange', () => {
  test('a stream that ends in its first tick is sent whole, with a Content-Length', async () => {
    const events = 'id: 1\ndata: {"a":1}\n\nid: 2\ndata: {"b":"é"}\n\n'
    const url = await serveStream((sink) => {
      sink.write(events.slice(0, 20))
      queueMicrotask(() => {
        sink.write(events.slice(20))
        sink.end()
      })
    })
    const response = await head(url)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/event-stream')
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(events)))
    expect(response.headers['transfer-encoding']).toBeUndefined()
    expect(await body(response)).toBe(events)
  })

  test('a stream that goes on sends its head and first events at once, then the rest chunked', async () => {
    let later: BodySink | undefined
    const url = await serveStream((sink) => {
      sink.write('data: first\n\n')
      later = sink
    })
    const response = await head(url)
    expect(response.headers['transfer-encoding']).toBe('chunked')
    expect(response.headers['content-length']).toBeUndefined()
    const first = await new Promise<string>((resolve) =>
      response.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    )
    expect(first).toBe('data: first\n\n')
    const rest = body(response)
    later?.write('data: second\n\n')
    later?.end()
    expect(await rest).toBe('data: second\n\n')
  })

  test('a stream with nothing to say yet still sends its head at once', async () => {
    let later: BodySink | undefined
    const url = await serveStream((sink) => {
      later = sink
    })
    const response = await head(url)
    expect(response.statusCode).toBe(200)
    expect(response.headers['transfer-encoding']).toBe('chunked')
    const rest = body(response)
    later?.write(': keep-alive\n\n')
    later?.end()
    expect(await rest).toBe(': keep-alive\n\n')
  })
})

describe('what an answered exchange leaves behind', () => {
  // Listeners left on a finished `req`/`res` keep the request's promises and buffers alive for as
  // long as node's objects live, which under load (pretenured into the old generation) is until the
  // next full GC.
  test('no listener of the adapter stays on the request or the response', async () => {
    const answer: StreamingResponse = {
      status: 200,
      headerFields: HEAD,
      connect(sink) {
        sink.write('data: {}\n\n')
        sink.end()
        return () => {}
      },
    }
    const handler = {
      handle: () => new Response('not used', { status: 500 }),
      handleBuffered: async (): Promise<BufferedAnswer> => answer,
    }
    const listener = toNodeListener(handler)
    let closed: Promise<{ req: IncomingMessage; res: ServerResponse }> | undefined
    const server = createServer((req, res) => {
      closed = new Promise((resolve) =>
        res.once('close', () => setImmediate(() => resolve({ req, res }))),
      )
      listener(req, res)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    })
    const { port } = server.address() as AddressInfo
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/' }, resolve)
      request.on('error', reject)
      request.end('{"jsonrpc":"2.0","id":1,"method":"ping"}')
    })
    expect(await body(response)).toBe('data: {}\n\n')
    const { req, res } = await (closed as NonNullable<typeof closed>)
    expect({
      data: req.listenerCount('data'),
      end: req.listenerCount('end'),
      reqClose: req.listenerCount('close'),
      resClose: res.listenerCount('close'),
    }).toEqual({ data: 0, end: 0, reqClose: 0, resClose: 0 })
  })
})
