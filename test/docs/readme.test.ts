import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { CONFIG_ENV_VARS } from '../../src/core/config/index.ts'

const readme = readFileSync('README.md', 'utf8')
const pkg = JSON.parse(readFileSync('package.json', 'utf8'))

test('the README lists every MCPKIT_* variable with its option', () => {
  const missing = CONFIG_ENV_VARS.filter(
    (v) => !readme.includes(`\`${v.name}\``) || !readme.includes(`\`${v.option}\``),
  )
  expect(missing.map((v) => v.name)).toEqual([])
})

test('every MCPKIT_* row of the README is what CONFIG_ENV_VARS says, default, format and text', () => {
  const stale = CONFIG_ENV_VARS.filter(
    (v) =>
      !readme.includes(
        `| \`${v.name}\` | \`${v.option}\` | \`${v.default}\` | ${v.format} | ${v.description} |`,
      ),
  )
  expect(stale.map((v) => v.name)).toEqual([])
})

test('the README names no MCPKIT_* variable that does not exist', () => {
  const known = new Set(CONFIG_ENV_VARS.map((v) => v.name))
  const named = [...readme.matchAll(/`(MCPKIT_[A-Z0-9_]+)`/g)].map((m) => m[1])
  expect(named.filter((name) => !known.has(name as string))).toEqual([])
})

test('the two front-door commands exist as npm scripts', () => {
  expect(readme).toContain('npm ci && npm start')
  expect(readme).toMatch(/^npm test\b/m)
  expect(pkg.scripts.start).toBeTruthy()
  expect(pkg.scripts.test).toBeTruthy()
})

test('every npm script the README mentions exists', () => {
  const mentioned = [...readme.matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((m) => m[1] as string)
  expect(mentioned.length).toBeGreaterThan(0)
  expect(mentioned.filter((name) => !(name in pkg.scripts))).toEqual([])
})
