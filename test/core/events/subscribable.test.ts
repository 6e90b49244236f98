import { describe, expect, test, vi } from 'vitest'
import { Subscribable } from '../../../src/core/events/subscribable.ts'

type TickEvent = { type: 'tick'; n: number }

describe('Subscribable', () => {
  test('delivers events to every listener in subscription order', () => {
    const events = new Subscribable<TickEvent>()
    const seen: string[] = []
    events.subscribe((e) => seen.push(`a${e.n}`))
    events.subscribe((e) => seen.push(`b${e.n}`))
    events.emit({ type: 'tick', n: 1 })
    expect(seen).toEqual(['a1', 'b1'])
  })

  test('subscribe returns its own unsubscribe, and hasListeners follows', () => {
    const events = new Subscribable<TickEvent>()
    expect(events.hasListeners).toBe(false)
    const listener = vi.fn()
    const stopA = events.subscribe(listener)
    const stopB = events.subscribe(listener)
    events.emit({ type: 'tick', n: 1 })
    expect(listener).toHaveBeenCalledTimes(2)
    stopA()
    stopA()
    expect(events.hasListeners).toBe(true)
    events.emit({ type: 'tick', n: 2 })
    expect(listener).toHaveBeenCalledTimes(3)
    stopB()
    expect(events.hasListeners).toBe(false)
  })

  test('wires sources lazily on the first subscribe and releases them after the last', () => {
    const onFirstSubscribe = vi.fn()
    const onLastUnsubscribe = vi.fn()
    const events = new Subscribable<TickEvent>({ onFirstSubscribe, onLastUnsubscribe })
    const stopA = events.subscribe(() => {})
    const stopB = events.subscribe(() => {})
    expect(onFirstSubscribe).toHaveBeenCalledOnce()
    stopA()
    expect(onLastUnsubscribe).not.toHaveBeenCalled()
    stopB()
    expect(onLastUnsubscribe).toHaveBeenCalledOnce()
  })

  test('a throwing listener is isolated and reported', () => {
    const onListenerError = vi.fn()
    const events = new Subscribable<TickEvent>({ onListenerError })
    const after = vi.fn()
    events.subscribe(() => {
      throw new Error('bug')
    })
    events.subscribe(after)
    events.emit({ type: 'tick', n: 1 })
    expect(after).toHaveBeenCalledOnce()
    expect(onListenerError).toHaveBeenCalledWith(new Error('bug'))
  })

  test('a listener may unsubscribe itself while an event is being delivered', () => {
    const events = new Subscribable<TickEvent>()
    const seen: number[] = []
    const stop = events.subscribe((e) => {
      seen.push(e.n)
      stop()
    })
    events.emit({ type: 'tick', n: 1 })
    events.emit({ type: 'tick', n: 2 })
    expect(seen).toEqual([1])
  })
})
