import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

// Review rules Biome cannot express, checked over the sources.
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

const files = sources('src')
const offenders = (pattern: RegExp) =>
  files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  )

test('media types are parsed, never matched as substrings', () => {
  expect(offenders(/\.(includes|indexOf|startsWith)\(\s*['"](application|text)\//)).toEqual([])
})

test('private state uses #fields, not _underscore names', () => {
  expect(offenders(/(private|protected)\s+(readonly\s+)?_\w|this\._[a-zA-Z]/)).toEqual([])
})

/** The type-parameter names of every generic declaration in `text` (nesting-aware, modifiers dropped). */
function typeParameterNames(text: string): string[] {
  const names: string[] = []
  const declaration = /\b(?:function\s+\w+|class\s+\w+|interface\s+\w+|type\s+\w+)\s*</g
  for (const match of text.matchAll(declaration)) {
    let depth = 0
    let current = ''
    const params: string[] = []
    for (const char of text.slice((match.index ?? 0) + match[0].length)) {
      if (depth === 0 && (char === '>' || char === ',')) {
        params.push(current)
        current = ''
        if (char === '>') break
        continue
      }
      if ('<[({'.includes(char)) depth++
      if ('>])}'.includes(char)) depth--
      current += char
    }
    for (const param of params) {
      const name = param
        .trim()
        .replace(/^(const|in|out)\s+/, '')
        .split(/[\s=]/)[0]
      if (name) names.push(name)
    }
  }
  return names
}

test('type parameters start with T', () => {
  const bad = files.flatMap((file) =>
    typeParameterNames(readFileSync(file, 'utf8'))
      .filter((name) => !/^T[A-Z]?\w*$/.test(name))
      .map((name) => `${file}: ${name}`),
  )
  expect(bad).toEqual([])
  expect(
    typeParameterNames(
      'function f<const TValues extends readonly [string, ...string[]], TB = X<Y, Z>>() {}',
    ),
  ).toEqual(['TValues', 'TB'])
  expect(typeParameterNames('interface Box<Value> {}')).toEqual(['Value'])
})

test('the core imports nothing built on top of it', () => {
  const core = files.filter((f) => f.startsWith(join('src', 'core')))
  const bad = core.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)]
      .map((m) => m[1] ?? '')
      .filter((spec) => /\/(client|server|node|devtools|stores|sessions|transports)\//.test(spec))
      .map((spec) => `${file}: ${spec}`),
  )
  expect(bad).toEqual([])
})

test('client and server never import each other', () => {
  const bad = files.flatMap((file) => {
    const side = file.split(/[\\/]/)[1]
    if (side !== 'client' && side !== 'server') return []
    const other = side === 'client' ? 'server' : 'client'
    return [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)]
      .map((m) => m[1] ?? '')
      .filter((spec) => spec.includes(`/${other}/`))
      .map((spec) => `${file}: ${spec}`)
  })
  expect(bad).toEqual([])
})
