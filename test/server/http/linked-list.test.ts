import { describe, expect, test } from 'vitest'
import { InFlight } from '../../../src/server/http/in-flight.ts'
import { LinkedList } from '../../../src/server/http/linked-list.ts'
import { FakeEnvironment } from './fake-environment.ts'

const values = <T>(list: LinkedList<T>): T[] => list.nodes().map((node) => node.value)

describe('LinkedList', () => {
  test('keeps insertion order through removals from the front, middle and back', () => {
    const list = new LinkedList<string>()
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((value) => list.push(value))
    expect(values(list)).toEqual(['a', 'b', 'c', 'd'])
    expect(list.remove(b as never)).toBe(true)
    expect(values(list)).toEqual(['a', 'c', 'd'])
    expect(list.remove(a as never)).toBe(true)
    expect(list.remove(d as never)).toBe(true)
    expect(values(list)).toEqual(['c'])
    list.push('e')
    expect(values(list)).toEqual(['c', 'e'])
    expect(list.size).toBe(2)
    expect(list.remove(c as never)).toBe(true)
    expect(list.remove(c as never)).toBe(false)
    expect(list.size).toBe(1)
  })

  test('a snapshot of its nodes may be walked while removing', () => {
    const list = new LinkedList<number>()
    for (let value = 0; value < 5; value++) list.push(value)
    for (const node of list.nodes()) if (node.value % 2 === 0) list.remove(node)
    expect(values(list)).toEqual([1, 3])
    list.clear()
    expect(list.size).toBe(0)
    expect(values(list)).toEqual([])
  })
})

describe('InFlight as a list', () => {
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

  test('whenIdle waits for the last request; terminateAll ends every one', async () => {
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
    inFlight.end(second)
    await waiting
    expect(idle).toBe(true)
    const reasons: string[] = []
    for (let index = 0; index < 3; index++) {
      inFlight.start().onTerminate = (reason) => reasons.push(reason)
    }
    inFlight.terminateAll(new Error('closing'))
    expect(reasons).toEqual(['shutdown', 'shutdown', 'shutdown'])
    expect(inFlight.size).toBe(0)
    inFlight.close()
    expect(environment.pending).toBe(0)
  })
})
