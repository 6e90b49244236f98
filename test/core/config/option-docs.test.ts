import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { CONFIG_ENV_VARS } from '../../../src/core/config/index.ts'
import { OPTION_DOCS } from '../../../src/core/config/option-docs.ts'

// The README text is split from the option tables so that validating options (all a browser
// client does with them) does not ship it. This keeps the split from eroding.
test('only the env-var table imports the README text', () => {
  const importers = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join('src', file))
    .filter((file) => /from '[^']*\/option-docs\.ts'/.test(readFileSync(file, 'utf8')))
  expect(importers).toEqual([join('src', 'core', 'config', 'env-vars.ts')])
})

test('every documented option has its variable, with the same text', () => {
  const byOption = (a: { option: string }, b: { option: string }) =>
    a.option.localeCompare(b.option)
  const documented = Object.entries(OPTION_DOCS).map(([option, doc]) => ({
    option,
    description: doc.description,
  }))
  const listed = CONFIG_ENV_VARS.map(({ option, description }) => ({ option, description }))
  expect(listed.sort(byOption)).toEqual(documented.sort(byOption))
})
