import { describe, expect, test } from 'vitest'
import { InFlight } from '../../../src/server/http/in-flight.ts'
import { FakeEnvironment } from './fake-environment.ts'

describe('InFlight', () => {
  test('one timer expires requests in deadline order', () => {
    const environment = new FakeEnvironment()
    const inFlight = new InFlight({ environment, timeoutMs: 100 })
    const ended: string[] = []
    const a = inFlight.start()
    a.onTerminate = (reason) => ended.push(`a:${reason}`)
    environment.advance(50)
    const b = inFlight.start()
    b.onTerminate = (reason) => ended.push(`b:${reason}`)
    expect(environment.pending).toBe(1)
    environment.advance(50)
    expect(ended).toEqual(['a:timeout'])
    expect(a.aborted).toBe(true)
    expect(b.aborted).toBe(false)
    environment.advance(50)
    expect(ended).toEqual(['a:timeout', 'b:timeout'])
    expect(inFlight.size).toBe(0)
    expect(environment.pending).toBe(0)
  })

  test('the signal is created lazily and follows its upstream until released', () => {
    const environment = new FakeEnvironment()
    const inFlight = new InFlight({ environment, timeoutMs: 1000 })
    const upstream = new AbortController()
    let reads = 0
    const control = inFlight.start(() => {
      reads++
      return upstream.signal
    })
    expect(reads).toBe(0)
    const signal = control.signal
    expect(reads).toBe(1)
    upstream.abort('gone')
    expect(signal.aborted).toBe(true)
    expect(signal.reason).toBe('gone')
    inFlight.end(control)
    inFlight.close()
    expect(environment.pending).toBe(0)
  })

  test('whenIdle resolves when the last request ends; terminateAll ends everything', async () => {
    const environment = new FakeEnvironment()
    const inFlight = new InFlight({ environment, timeoutMs: 1000 })
    const first = inFlight.start()
    const second = inFlight.start()
    let idle = false
    const waiting = inFlight.whenIdle().then(() => {
      idle = true
    })
    inFlight.end(first)
    await Promise.resolve()
    expect(idle).toBe(false)
    const reasons: string[] = []
    second.onTerminate = (reason) => reasons.push(reason)
    inFlight.terminateAll(new Error('bye'))
    await waiting
    expect(reasons).toEqual(['shutdown'])
    expect(second.signal.aborted).toBe(true)
  })

  test('ends requests in any order and still expires the oldest first', () => {
    const environment = new FakeEnvironment()
    const inFlight = new InFlight({ environment, timeoutMs: 100 })
    const ended: number[] = []
    const controls = Array.from({ length: 4 }, (_, index) => {
      const control = inFlight.start()
      control.onTerminate = () => ended.push(index)
      environment.advance(10)
      return control
    })
    inFlight.end(controls[1] as never)
    inFlight.end(controls[1] as never)
    expect(inFlight.size).toBe(3)
    environment.advance(70)
    expect(ended).toEqual([0])
    environment.advance(30)
    expect(ended).toEqual([0, 2, 3])
    expect(inFlight.size).toBe(0)
  })
})
