import { describe, expect, test } from 'vitest'
import {
  acceptLegacyOffer,
  negotiateLegacyVersion,
  pickProtocolVersion,
  readSupportedVersions,
  unsupportedVersionError,
} from '../../../src/core/eras/negotiate.ts'
import { ConfigError } from '../../../src/core/errors/config-error.ts'
import { ProtocolError } from '../../../src/core/errors/protocol-error.ts'

describe('legacy, server side', () => {
  test.each(['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'])('echoes %s', (version) => {
    expect(negotiateLegacyVersion(version)).toEqual({
      protocolVersion: version,
      rules: version,
      accepted: true,
    })
  })

  test('echoes the pre-release 2024-10-07 and applies the 2024-11-05 rules', () => {
    expect(negotiateLegacyVersion('2024-10-07')).toEqual({
      protocolVersion: '2024-10-07',
      rules: '2024-11-05',
      accepted: true,
    })
  })

  test.each([['1999-01-01'], ['2026-07-28'], [''], [undefined], [20250618]])(
    'offers the latest supported revision for %j',
    (requested) => {
      expect(negotiateLegacyVersion(requested)).toEqual({
        protocolVersion: '2025-11-25',
        rules: '2025-11-25',
        accepted: false,
      })
    },
  )

  test('honours a narrower supported list', () => {
    const supported = ['2024-11-05', '2025-03-26'] as const
    expect(negotiateLegacyVersion('2025-06-18', { supported })).toEqual({
      protocolVersion: '2025-03-26',
      rules: '2025-03-26',
      accepted: false,
    })
    expect(negotiateLegacyVersion('2024-10-07', { supported: ['2025-03-26'] }).accepted).toBe(false)
    expect(() => negotiateLegacyVersion('2025-06-18', { supported: [] })).toThrow(ConfigError)
  })
})

describe('legacy, client side', () => {
  test('accepts an offer it speaks and refuses one it does not', () => {
    expect(acceptLegacyOffer('2025-03-26')).toBe('2025-03-26')
    expect(acceptLegacyOffer('2024-10-07')).toBe('2024-11-05')
    expect(acceptLegacyOffer('2030-01-01')).toBeUndefined()
    expect(acceptLegacyOffer('2026-07-28')).toBeUndefined()
    expect(acceptLegacyOffer(null)).toBeUndefined()
    expect(acceptLegacyOffer('2025-11-25', { supported: ['2025-06-18'] })).toBeUndefined()
  })
})

describe('modern', () => {
  test('builds -32022 with {supported, requested}, newest first', () => {
    const error = unsupportedVersionError({
      requested: '1900-01-01',
      supported: ['2025-11-25', '2026-07-28'],
    })
    expect(error).toBeInstanceOf(ProtocolError)
    expect(error.toJsonRpc()).toEqual({
      code: -32022,
      message: 'Unsupported protocol version',
      data: { supported: ['2026-07-28', '2025-11-25'], requested: '1900-01-01' },
    })
    expect(unsupportedVersionError({ requested: 'x' }).data).toEqual({
      supported: ['2026-07-28'],
      requested: 'x',
    })
  })

  test('reads data.supported back from a ProtocolError or a raw error object', () => {
    const error = unsupportedVersionError({ requested: 'x', supported: ['2026-07-28'] })
    expect(readSupportedVersions(error)).toEqual(['2026-07-28'])
    expect(
      readSupportedVersions({ code: -32022, message: 'm', data: { supported: ['a', 1, 'b'] } }),
    ).toEqual(['a', 'b'])
    expect(readSupportedVersions({ code: -32022, message: 'm' })).toBeUndefined()
    expect(readSupportedVersions({ code: -32602, data: { supported: ['a'] } })).toBeUndefined()
    expect(readSupportedVersions(ProtocolError.methodNotFound('x'))).toBeUndefined()
    expect(readSupportedVersions('nope')).toBeUndefined()
  })

  test('picks the newest mutual version', () => {
    expect(pickProtocolVersion({ offered: ['2025-11-25', '2026-07-28'] })).toBe('2026-07-28')
    expect(pickProtocolVersion({ offered: ['2025-06-18', '2099-01-01'] })).toBe('2025-06-18')
    expect(
      pickProtocolVersion({ offered: ['2026-07-28', '2025-11-25'], supported: ['2025-11-25'] }),
    ).toBe('2025-11-25')
    expect(pickProtocolVersion({ offered: ['2099-01-01'] })).toBeUndefined()
    expect(pickProtocolVersion({ offered: [] })).toBeUndefined()
  })
})
