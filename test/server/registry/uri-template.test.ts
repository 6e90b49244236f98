import { describe, expect, test } from 'vitest'
import { isConfigError } from '../../../src/core/errors/guards.ts'
import { UriTemplate } from '../../../src/server/registry/uri-template.ts'

describe('UriTemplate', () => {
  test('level 1: simple expressions match one path segment', () => {
    const template = new UriTemplate('test://template/{id}/data')
    expect(template.variables).toEqual(['id'])
    expect(template.match('test://template/123/data')).toEqual({ id: '123' })
    expect(template.match('test://template/a%2Fb/data')).toEqual({ id: 'a/b' })
    expect(template.match('test://template/1/2/data')).toBeUndefined()
    expect(template.match('test://template//data')).toBeUndefined()
    expect(template.match('test://template/123/data/extra')).toBeUndefined()
    expect(template.match('xtest://template/123/data')).toBeUndefined()
  })

  test('several variables and literal dots', () => {
    const template = new UriTemplate('file:///{dir}/{name}.txt')
    expect(template.match('file:///docs/readme.txt')).toEqual({ dir: 'docs', name: 'readme' })
    expect(template.match('file:///docs/readme.md')).toBeUndefined()
  })

  test('level 2: reserved and fragment expansion', () => {
    const reserved = new UriTemplate('repo://{+path}')
    expect(reserved.match('repo://src/server/index.ts')).toEqual({ path: 'src/server/index.ts' })
    const fragment = new UriTemplate('doc://page{#section}')
    expect(fragment.match('doc://page#intro')).toEqual({ section: 'intro' })
    expect(fragment.match('doc://page')).toBeUndefined()
  })

  test('a malformed percent sequence is kept as written', () => {
    expect(new UriTemplate('x://{v}').match('x://%E0%A4%A')).toEqual({ v: '%E0%A4%A' })
  })

  test('expand encodes per operator', () => {
    expect(new UriTemplate('x://{a}/{b}').expand({ a: 'a b', b: 'c/d' })).toBe('x://a%20b/c%2Fd')
    expect(new UriTemplate('x://{+p}').expand({ p: 'a/b c' })).toBe('x://a/b%20c')
    expect(new UriTemplate('x://p{#s}').expand({ s: 'top' })).toBe('x://p#top')
    expect(new UriTemplate('x://p{#s}').expand({})).toBe('x://p')
    const template = new UriTemplate('test://template/{id}/data')
    expect(template.match(template.expand({ id: 'ä ö' }))).toEqual({ id: 'ä ö' })
  })

  test.each(['x://{?q}', 'x://{a,b}', 'x://{/p}', 'x://{}', 'x://{a', 'x://a}', 'x://{a b}'])(
    'refuses %s',
    (template) => {
      let error: unknown
      try {
        new UriTemplate(template)
      } catch (caught) {
        error = caught
      }
      expect(isConfigError(error)).toBe(true)
    },
  )
})
