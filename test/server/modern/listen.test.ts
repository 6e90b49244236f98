import { afterEach, describe, expect, test } from 'vitest'
import type { McpServer } from '../../../src/server/http/create-server.ts'
import { delay, type Json, modernRequest, SseReader, testServer } from '../http/harness.ts'

const SUBSCRIPTION = 'io.modelcontextprotocol/subscriptionId'
let server: McpServer

afterEach(async () => {
  await server?.close({ deadlineMs: 0 })
})

async function listen(notifications: Record<string, unknown>, id: string | number = 'sub-1') {
  const response = await server.handle(
    modernRequest('subscriptions/listen', { notifications }, { id }),
  )
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/event-stream')
  return new SseReader(response)
}

describe('subscriptions/listen (SPEC §3.5)', () => {
  test('the first message acknowledges the honoured subset, tagged with the listen id', async () => {
    ;({ server } = testServer())
    const reader = await listen({
      toolsListChanged: true,
      promptsListChanged: true,
      resourceSubscriptions: ['test://watched'],
    })
    const ack = await reader.nextMessage()
    expect(ack).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/subscriptions/acknowledged',
      params: {
        _meta: { [SUBSCRIPTION]: 'sub-1' },
        notifications: {
          toolsListChanged: true,
          promptsListChanged: true,
          resourceSubscriptions: ['test://watched'],
        },
      },
    })
    await reader.cancel()
  })

  test('delivers only the requested types, each tagged with the subscription id', async () => {
    ;({ server } = testServer())
    const tools = await listen({ toolsListChanged: true }, 41)
    const prompts = await listen({ promptsListChanged: true }, 42)
    await tools.nextMessage()
    await prompts.nextMessage()
    server.tool('added', () => 'x')
    server.resourceUpdated('test://watched')
    await delay(5)
    const toolMessage = await tools.nextMessage()
    expect(toolMessage).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/tools/list_changed',
      params: { _meta: { [SUBSCRIPTION]: 41 } },
    })
    server.prompt('added', {}, () => [])
    const promptMessage = await prompts.nextMessage()
    expect(promptMessage?.method).toBe('notifications/prompts/list_changed')
    expect((promptMessage as Json).params._meta[SUBSCRIPTION]).toBe(42)
    await tools.cancel()
    await prompts.cancel()
  })

  test('server.log never reaches a listen stream (2026-07-28 logs only inside requests)', async () => {
    ;({ server } = testServer())
    const reader = await listen({ toolsListChanged: true })
    await reader.nextMessage()
    server.log('emergency', 'not for modern clients')
    server.tool('added', () => 'x')
    // The list change, sent after the log message, is the next thing on the stream.
    expect((await reader.nextMessage())?.method).toBe('notifications/tools/list_changed')
    await reader.cancel()
  })

  test('resource updates reach only streams subscribed to that URI', async () => {
    ;({ server } = testServer())
    const watching = await listen({ resourceSubscriptions: ['test://watched'] }, 1)
    const other = await listen(
      { resourceSubscriptions: ['test://other'], toolsListChanged: true },
      2,
    )
    await watching.nextMessage()
    await other.nextMessage()
    server.resourceUpdated('test://watched')
    expect(await watching.nextMessage()).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { _meta: { [SUBSCRIPTION]: 1 }, uri: 'test://watched' },
    })
    server.tool('another', () => 'x')
    // The other stream sees the tools change, proving it never got the resource update first.
    expect((await other.nextMessage())?.method).toBe('notifications/tools/list_changed')
    await watching.cancel()
    await other.cancel()
  })

  test('a graceful end sends a complete result tagged with the subscription id', async () => {
    ;({ server } = testServer())
    const reader = await listen({ toolsListChanged: true }, 'bye')
    await reader.nextMessage()
    await server.close()
    expect(await reader.nextMessage()).toEqual({
      jsonrpc: '2.0',
      id: 'bye',
      result: { resultType: 'complete', _meta: { [SUBSCRIPTION]: 'bye' } },
    })
    expect(await reader.next()).toBeUndefined()
  })

  test('closing the stream detaches it; the server holds nothing afterwards', async () => {
    ;({ server } = testServer())
    const reader = await listen({ toolsListChanged: true })
    await reader.nextMessage()
    expect(server.stats.openStreams).toBe(1)
    expect(server.stats.slotsInUse).toBe(1)
    await reader.cancel()
    await delay(0)
    expect(server.stats.openStreams).toBe(0)
    expect(server.stats.slotsInUse).toBe(0)
  })

  test('a malformed filter is an invalid-params error', async () => {
    ;({ server } = testServer())
    const response = await server.handle(
      modernRequest(
        'subscriptions/listen',
        { notifications: { toolsListChanged: 'yes' } },
        { id: 3 },
      ),
    )
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toMatchObject({ id: 3, error: { code: -32602 } })
  })

  test('a server with nothing to listen to answers 404 -32601', async () => {
    const { createServer } = await import('../../../src/server/http/create-server.ts')
    server = createServer({ name: 'empty', version: '1.0.0' })
    const response = await server.handle(
      modernRequest('subscriptions/listen', { notifications: { toolsListChanged: true } }),
    )
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe(-32601)
  })

  test('keep-alive comments flow on quiet streams', async () => {
    ;({ server } = testServer({ config: { keepAliveIntervalMs: 20 } }))
    const reader = await listen({ toolsListChanged: true })
    await reader.nextMessage()
    await delay(70)
    server.tool('late', () => 'x')
    await reader.nextMessage()
    expect(reader.comments.length).toBeGreaterThanOrEqual(2)
    await reader.cancel()
  })
})
