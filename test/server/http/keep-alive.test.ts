import { describe, expect, test } from 'vitest'
import { SseStream } from '../../../src/core/sse/writer.ts'
import { KeepAlive } from '../../../src/server/http/keep-alive.ts'
import { FakeEnvironment } from './fake-environment.ts'

function collected(stream: SseStream): string[] {
  const chunks: string[] = []
  stream.connect({ write: (chunk) => chunks.push(chunk) > 0, end: () => {}, queued: () => 0 })
  return chunks
}

describe('KeepAlive', () => {
  test('comments every open stream on each tick, and stops at the first tick that finds none', () => {
    const environment = new FakeEnvironment()
    const keepAlive = new KeepAlive({ environment, intervalMs: 100 })
    const stream = new SseStream()
    const chunks = collected(stream)
    let ticks = 0
    const handle = keepAlive.keep(stream, { onKeepAlive: () => ticks++ })
    expect(environment.pending).toBe(1)
    environment.advance(100)
    environment.advance(100)
    expect(chunks.length).toBe(2)
    expect(chunks.every((chunk) => chunk.startsWith(':'))).toBe(true)
    expect(ticks).toBe(2)
    keepAlive.remove(handle)
    keepAlive.remove(handle)
    // Streams that come and go between ticks cost no timer of their own.
    for (let i = 0; i < 10; i++) {
      const brief = new SseStream()
      keepAlive.remove(keepAlive.keep(brief))
    }
    expect(environment.pending).toBe(1)
    environment.advance(100)
    expect(chunks.length).toBe(2)
    expect(environment.pending).toBe(0)
    expect(keepAlive.size).toBe(0)
  })

  test('a stream added after the timer stopped starts it again; close() stops it', () => {
    const environment = new FakeEnvironment()
    const keepAlive = new KeepAlive({ environment, intervalMs: 100 })
    const first = new SseStream()
    keepAlive.remove(keepAlive.keep(first))
    environment.advance(100)
    expect(environment.pending).toBe(0)
    const second = new SseStream()
    const chunks = collected(second)
    keepAlive.keep(second)
    expect(environment.pending).toBe(1)
    environment.advance(100)
    expect(chunks.length).toBe(1)
    keepAlive.close()
    expect(environment.pending).toBe(0)
  })
})
