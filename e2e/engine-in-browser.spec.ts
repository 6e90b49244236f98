import { expect, test } from '@playwright/test'

test('the built package runs the JSON-RPC engine in Chromium', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('/e2e/pages/engine.html')
  await expect(page.locator('#status')).toHaveText('done', { timeout: 10_000 })
  const log = await page.locator('#log').textContent()
  expect(log?.trim().split('\n')).toEqual([
    'echo: hello from Chromium',
    'unknown method: -32601',
    'slow: timed out after progress 1',
    'invalid tools/call rejected at: params._meta',
    'probe: modern',
  ])
  expect(errors).toEqual([])
})
