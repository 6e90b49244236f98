import { expect, test } from 'vitest'
import * as root from '../../dist/index.js'

// Every Error subclass the package exports must be branded (so guards work across package copies)
// and carry a literal name equal to its class name. A new error class needs a sample here.
const samples: Record<string, () => Error> = {
  McpkitError: () => new root.McpkitError('UNKNOWN', 'x'),
  TransportError: () => new root.TransportError('x'),
  HttpError: () => new root.HttpError({ status: 500, url: 'http://x' }),
  TimeoutError: () => new root.TimeoutError({ operation: 'x', timeoutMs: 1 }),
  AbortError: () => new root.AbortError({ operation: 'x' }),
  SessionError: () => new root.SessionError({ code: 'SESSION_NOT_FOUND', message: 'x' }),
  StoreError: () => new root.StoreError({ store: 'memory', operation: 'get' }),
  InterceptorError: () => new root.InterceptorError({ interceptor: 'i', message: 'x' }),
  ConfigError: () => new root.ConfigError({ option: 'o', value: 1, message: 'x' }),
  ProtocolError: () => new root.ProtocolError(-32603, 'x'),
}

const exportedErrorClasses = Object.entries(root)
  .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
  .map(([name]) => name)
  .sort()

test('every exported error class has a sample', () => {
  expect(exportedErrorClasses).toEqual(Object.keys(samples).sort())
})

test.each(Object.keys(samples))('%s is branded and named after its class', (name) => {
  const error = samples[name]?.() as Error & Record<symbol, unknown>
  expect(error[Symbol.for('mcpkit.error')]).toBe(true)
  expect(error.name).toBe(name)
  expect(Object.keys(error)).not.toContain('stack')
})
