import { describe, expect, test } from 'vitest'
import { Fanout } from '../../../src/server/http/fanout.ts'
import { type BusEvent, InMemoryNotificationBus } from '../../../src/server/modern/bus.ts'

describe('InMemoryNotificationBus', () => {
  test('delivers to every subscriber, isolating failures', () => {
    const bus = new InMemoryNotificationBus()
    const seen: BusEvent[] = []
    bus.subscribe(() => {
      throw new Error('broken subscriber')
    })
    const stop = bus.subscribe((event) => seen.push(event))
    bus.publish({ type: 'list_changed', kind: 'tools' })
    stop()
    bus.publish({ type: 'resource_updated', uri: 'a://b' })
    expect(seen).toEqual([{ type: 'list_changed', kind: 'tools' }])
  })
})

describe('Fanout', () => {
  test('subscribes to the bus only while streams are attached', () => {
    const bus = new InMemoryNotificationBus()
    const fanout = new Fanout(bus)
    expect(bus.size).toBe(0)
    const seen: string[] = []
    const detachA = fanout.add({ deliver: (event) => seen.push(`a:${event.type}`) })
    const detachB = fanout.add({ deliver: (event) => seen.push(`b:${event.type}`) })
    expect(bus.size).toBe(1)
    bus.publish({ type: 'list_changed', kind: 'prompts' })
    detachA()
    detachB()
    expect(bus.size).toBe(0)
    expect(seen).toEqual(['a:list_changed', 'b:list_changed'])
  })
})
