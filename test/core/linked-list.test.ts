import { describe, expect, test } from 'vitest'
import { LinkedList, ListEntry, type ListNode } from '../../src/core/linked-list.ts'

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

  test('moves a node to the back from the front, middle or back, and not once removed', () => {
    const list = new LinkedList<string>()
    const [a, b, c] = ['a', 'b', 'c'].map((value) => list.push(value)) as [
      ListNode<string>,
      ListNode<string>,
      ListNode<string>,
    ]
    expect(list.moveToBack(a)).toBe(true)
    expect(values(list)).toEqual(['b', 'c', 'a'])
    expect(list.moveToBack(c)).toBe(true)
    expect(values(list)).toEqual(['b', 'a', 'c'])
    expect(list.moveToBack(c)).toBe(true)
    expect(values(list)).toEqual(['b', 'a', 'c'])
    expect(list.first).toBe('b')
    list.remove(b)
    expect(list.moveToBack(b)).toBe(false)
    expect(values(list)).toEqual(['a', 'c'])
    expect(list.first).toBe('a')
    // The links stay consistent in both directions after the moves.
    list.remove(c)
    list.push('d')
    expect(values(list)).toEqual(['a', 'd'])
    expect(list.size).toBe(2)
    const only = new LinkedList<number>()
    const node = only.push(1)
    expect(only.moveToBack(node)).toBe(true)
    expect(only.first).toBe(1)
  })

  test('takes nodes the caller made, once each', () => {
    class Item extends ListEntry<Item> {
      constructor(readonly name: string) {
        super()
      }
    }
    const list = new LinkedList<Item>()
    const a = list.pushNode(new Item('a'))
    const b = list.pushNode(new Item('b'))
    expect(values(list).map((item) => item.name)).toEqual(['a', 'b'])
    expect(() => list.pushNode(a)).toThrow(TypeError)
    list.moveToBack(a)
    expect(list.first).toBe(b)
    list.remove(a)
    expect(list.pushNode(a)).toBe(a)
    expect(values(list).map((item) => item.name)).toEqual(['b', 'a'])
  })
})
