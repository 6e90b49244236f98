import { spawnSync } from 'node:child_process'
import { expect, test } from 'vitest'

// The example is self-checking: it exits 1 when any of its checks fails. It imports the built package.
test('examples/stdio-peers runs two engines over a real child process', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'examples/stdio-peers/index.ts'], {
    encoding: 'utf8',
    timeout: 30_000,
  })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  expect(run.stdout).toContain('all checks passed')
  expect(run.stdout).not.toContain('FAIL')
})
