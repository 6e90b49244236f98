import { expect, test } from 'vitest'
import { parseProcStat, stealShare } from './host-cpu.ts'

test('reads the aggregate cpu line of /proc/stat, steal being its eighth counter', () => {
  const text = 'cpu  100 5 50 800 10 0 5 30 7 0\ncpu0 50 2 25 400 5 0 2 15 0 0\n'
  expect(parseProcStat(text)).toEqual({ steal: 30, total: 1000 })
  expect(parseProcStat('intr 1 2 3\n')).toBeUndefined()
  expect(parseProcStat('cpu 1 2 3\n')).toBeUndefined()
})

test('steal share is the steal ticks over all ticks between two readings', () => {
  expect(stealShare({ steal: 30, total: 1000 }, { steal: 80, total: 2000 })).toBe(0.05)
  expect(stealShare(undefined, { steal: 1, total: 2 })).toBeUndefined()
  expect(stealShare({ steal: 1, total: 2 }, { steal: 1, total: 2 })).toBeUndefined()
})
