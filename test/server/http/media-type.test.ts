import { describe, expect, test } from 'vitest'
import {
  accepts,
  JSON_MEDIA_TYPE,
  mediaTypeEssence,
  SSE_MEDIA_TYPE,
} from '../../../src/server/http/media-type.ts'

describe('mediaTypeEssence', () => {
  test('lower-cases and drops parameters', () => {
    expect(mediaTypeEssence('Application/JSON; charset=utf-8')).toBe('application/json')
    expect(mediaTypeEssence(' text/event-stream ')).toBe('text/event-stream')
  })

  test('refuses missing and malformed values', () => {
    expect(mediaTypeEssence(null)).toBeUndefined()
    expect(mediaTypeEssence('json')).toBeUndefined()
    expect(mediaTypeEssence('application/json/x')).toBeUndefined()
    expect(mediaTypeEssence('')).toBeUndefined()
  })
})

describe('accepts', () => {
  const both = [JSON_MEDIA_TYPE, SSE_MEDIA_TYPE]

  test('a missing header admits everything', () => {
    expect(accepts(null, both)).toBe(true)
  })

  test('needs every type, exactly or through wildcards', () => {
    expect(accepts('application/json, text/event-stream', both)).toBe(true)
    expect(accepts('text/event-stream, application/json;q=0.5', both)).toBe(true)
    expect(accepts('*/*', both)).toBe(true)
    expect(accepts('application/*, text/*', both)).toBe(true)
    expect(accepts('application/json', both)).toBe(false)
    expect(accepts('application/jsonx, text/event-stream', both)).toBe(false)
  })

  test('q=0 refuses, and the most specific range decides', () => {
    expect(accepts('*/*, text/event-stream;q=0', both)).toBe(false)
    expect(accepts('text/*;q=0, text/event-stream, application/json', both)).toBe(true)
    expect(accepts('application/json;q=bogus, text/event-stream', both)).toBe(false)
  })
})
