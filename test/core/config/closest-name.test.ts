import { expect, test } from 'vitest'
import { closestName } from '../../../src/core/config/closest-name.ts'

const options = ['maxClients', 'maxBodyBytes', 'requestTimeoutMs', 'shutdownTimeoutMs', 'legacy']

test('a near miss suggests the closest candidate, ignoring case', () => {
  expect(closestName('maxClient', options)).toBe('maxClients')
  expect(closestName('MaxClients', options)).toBe('maxClients')
  expect(closestName('legcay', options)).toBe('legacy')
})

test('a name whose words all appear in a candidate suggests it', () => {
  expect(closestName('timeoutMs', options)).toBe('requestTimeoutMs')
  expect(closestName('TIMEOUT_MS', ['REQUEST_TIMEOUT_MS', 'MAX_TOTAL_TIMEOUT_MS'])).toBe(
    'REQUEST_TIMEOUT_MS',
  )
})

test('nothing plausible gives undefined', () => {
  expect(closestName('banana', options)).toBeUndefined()
  expect(closestName('', options)).toBeUndefined()
  expect(closestName('maxClients', [])).toBeUndefined()
})
