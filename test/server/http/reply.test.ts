import { describe, expect, test } from 'vitest'
import { Reply, type ReplyStream } from '../../../src/server/http/reply.ts'

function fakeStream() {
  const sent: unknown[] = []
  let ended = false
  const stream: ReplyStream = {
    response: new Response('sse'),
    send: (message) => sent.push(message),
    end: () => {
      ended = true
    },
  }
  return { stream, sent, ended: () => ended }
}

describe('Reply', () => {
  test('a response first is plain JSON, settled once', async () => {
    let settled = 0
    const reply = new Reply({ openStream: () => fakeStream().stream, onSettled: () => settled++ })
    reply.respond({ id: 1 }, 200)
    reply.respond({ id: 2 })
    const response = await reply.response
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ id: 1 })
    expect(settled).toBe(1)
    expect(reply.send({ late: true })).toBe(false)
  })

  test('a message before the response upgrades to the stream, which ends after it', async () => {
    const fake = fakeStream()
    const reply = new Reply({ openStream: () => fake.stream })
    expect(reply.send({ method: 'progress' })).toBe(true)
    expect(await reply.response).toBe(fake.stream.response)
    reply.respond({ id: 1 })
    expect(fake.sent).toEqual([{ method: 'progress' }, { id: 1 }])
    expect(fake.ended()).toBe(true)
  })

  test('a batch collects responses into an array; skipped ones are left out', async () => {
    const reply = new Reply({ openStream: () => fakeStream().stream, expected: 3, batch: true })
    reply.respond({ id: 1 })
    reply.skip()
    reply.respond({ id: 3 })
    expect(await (await reply.response).json()).toEqual([{ id: 1 }, { id: 3 }])
  })

  test('skipping the only response answers 202 without a body', async () => {
    const reply = new Reply({ openStream: () => fakeStream().stream })
    reply.skip()
    const response = await reply.response
    expect(response.status).toBe(202)
    expect(await response.text()).toBe('')
  })
})
