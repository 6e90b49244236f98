import { describe, expect, test } from 'vitest'
import { IDLE_SWEEP_MS, LiveSessions } from '../../../src/server/legacy/live-sessions.ts'
import { FakeEnvironment } from '../http/fake-environment.ts'

describe('LiveSessions', () => {
  test('an idle state is reused by the next request, then dropped by the sweep', () => {
    const environment = new FakeEnvironment()
    const live = new LiveSessions(environment)
    const first = live.ensure('s1')
    const cancel = () => {}
    first.trackRequest(1, cancel)
    expect(live.size).toBe(1)
    first.untrackRequest(1, cancel)
    live.release(first)
    // Idle: not counted, but still there for the session's next request.
    expect(live.size).toBe(0)
    expect(live.ensure('s1')).toBe(first)
    live.release(first)
    expect(environment.pending).toBe(1)
    environment.advance(IDLE_SWEEP_MS)
    expect(live.get('s1')).toBeUndefined()
    expect(live.ensure('s1')).not.toBe(first)
  })

  test('the sweep keeps busy states, and close() drops idle ones and stops the timer', () => {
    const environment = new FakeEnvironment()
    const live = new LiveSessions(environment)
    const busy = live.ensure('busy')
    const idle = live.ensure('idle')
    const cancel = () => {}
    busy.trackRequest('a', cancel)
    live.release(idle)
    environment.advance(IDLE_SWEEP_MS)
    expect(live.get('busy')).toBe(busy)
    expect(live.get('idle')).toBeUndefined()
    expect(environment.pending).toBe(0)
    busy.untrackRequest('a', cancel)
    live.release(busy)
    expect(environment.pending).toBe(1)
    live.close()
    expect(environment.pending).toBe(0)
    expect(live.get('busy')).toBeUndefined()
  })
})
