import { expect, test } from '@playwright/test'

// e2e/pages/cross-origin.js runs on http://127.0.0.1:4173 and calls MCP on http://localhost:4173,
// another origin: Chromium preflights every POST and hides `Mcp-Session-Id` unless exposed. The
// demo server (CORS on by default) serves both eras to it; a server with `cors: false` cannot be
// read from the page at all, and one that hides `Mcp-Session-Id` gets a SessionError naming the fix.
test('a page on another origin keeps a legacy session and calls both eras; cors: false is refused', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('/e2e/pages/cross-origin.html')
  await expect(page.locator('#status')).not.toHaveText('loading', { timeout: 20_000 })
  const log = (await page.locator('#log').textContent())?.trim().split('\n') ?? []
  expect(log).toEqual([
    'legacy: legacy 2025-11-25, session id read: true',
    expect.stringMatching(
      /^search_notes over SSE: #\d+ Shopping: Coffee beans, oat milk\.; progress: true$/,
    ),
    'legacy session closed: true',
    'modern: modern 2026-07-28',
    'roll_dice: 2 rolls',
    expect.stringMatching(/^no-cors: refused by the browser: \w+Error$/),
    'hidden-session: SessionError SESSION_NOT_FOUND, names the fix: true',
  ])
  await expect(page.locator('#status')).toHaveText('done')
  expect(errors).toEqual([])
})
