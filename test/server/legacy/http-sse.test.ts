import { afterEach, describe, expect, test } from 'vitest'
import type { McpServer } from '../../../src/server/http/create-server.ts'
import { delay, initializeBody, post, SseReader, testServer, URL_BASE } from '../http/harness.ts'

let server: McpServer

afterEach(async () => {
  await server?.close({ deadlineMs: 0 })
})

function openSse(path = '/sse') {
  return server.handle(
    new Request(`${URL_BASE}${path}`, { headers: { accept: 'text/event-stream' } }),
  )
}

async function connect(path = '/sse') {
  const response = await openSse(path)
  expect(response.status).toBe(200)
  const reader = new SseReader(response)
  const endpoint = await reader.next()
  expect(endpoint?.event).toBe('endpoint')
  const url = new URL(endpoint?.data ?? '', `${URL_BASE}${path}`).toString()
  return { reader, url }
}

describe('the 2024-11-05 HTTP+SSE transport', () => {
  test('is off unless config.legacySse is on', async () => {
    ;({ server } = testServer())
    expect((await openSse()).status).toBe(404)
  })

  test('GET opens a stream whose endpoint event names the POST URL; answers come as message events', async () => {
    ;({ server } = testServer({ config: { legacySse: true } }))
    const { reader, url } = await connect()
    expect(url).toMatch(/\/messages\?sessionId=/)
    const accepted = await server.handle(post(initializeBody('2024-11-05'), {}, url))
    expect(accepted.status).toBe(202)
    const init = await reader.next()
    expect(init?.event).toBe('message')
    expect(JSON.parse(init?.data ?? '')).toMatchObject({
      id: 0,
      result: { protocolVersion: '2024-11-05' },
    })
    await server.handle(post({ jsonrpc: '2.0', method: 'notifications/initialized' }, {}, url))
    const call = {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'old' } },
    }
    expect((await server.handle(post(call, {}, url))).status).toBe(202)
    const answer = JSON.parse((await reader.next())?.data ?? '')
    expect(answer).toMatchObject({ id: 1, result: { content: [{ text: 'echo: old' }] } })
    server.tool('added', () => 'x')
    expect(JSON.parse((await reader.next())?.data ?? '')).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/tools/list_changed',
    })
    server.log('notice', 'from the server')
    expect(JSON.parse((await reader.next())?.data ?? '')).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/message',
      params: { level: 'notice', data: 'from the server' },
    })
    await reader.cancel()
    await delay(0)
    expect(server.stats.openStreams).toBe(0)
    expect((await server.handle(post(call, {}, url))).status).toBe(404)
  })

  test('a GET on the MCP endpoint without a session id opens the same transport', async () => {
    ;({ server } = testServer({ config: { legacySse: true } }))
    const { reader, url } = await connect('/mcp')
    expect(url).toBe(`${URL_BASE}/messages?sessionId=${new URL(url).searchParams.get('sessionId')}`)
    await reader.cancel()
  })

  test('POSTs to an unknown connection get 404; the stream path refuses POST', async () => {
    ;({ server } = testServer({ config: { legacySse: true } }))
    const unknown = await server.handle(
      post(initializeBody(), {}, `${URL_BASE}/messages?sessionId=nope`),
    )
    expect(unknown.status).toBe(404)
    const wrong = await server.handle(post(initializeBody(), {}, `${URL_BASE}/sse`))
    expect(wrong.status).toBe(405)
  })
})
