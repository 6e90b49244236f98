import { expect, test } from '@playwright/test'

// e2e/pages/client.js drives the built client against the demo server mounted on /mcp by the
// fixture server (same origin): modern negotiation and calls, a legacy call whose SSE stream the
// server closes mid-call (resumed with GET + Last-Event-ID), a GET stream the server drops, and a
// modern call after both.
test('the built client talks to the demo server from Chromium and survives dropped streams', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('/e2e/pages/client.html')
  await expect(page.locator('#status')).not.toHaveText('loading', { timeout: 20_000 })
  const log = (await page.locator('#log').textContent())?.trim().split('\n') ?? []
  expect(log).toEqual([
    'modern: modern 2026-07-28 via discover',
    'tools: add_note brew_coffee delete_note drop_stream roll_dice search_notes',
    'roll_dice: 3 rolls adding up to the total: true',
    expect.stringMatching(
      /^search_notes: #\d+ Shopping: Coffee beans, oat milk\.; progress complete: true$/,
    ),
    'legacy: legacy 2025-11-25 with a session id',
    'drop_stream (legacy): finished 3 steps after dropping the stream; progress 0,1,2,3',
    'POST stream resumed with Last-Event-ID: true',
    'GET stream dropped by the server: true',
    'GET stream reconnected',
    'update received after the drop: notes://all',
    'drop_stream (modern): finished 2 steps after dropping the stream; progress 0,1,2',
    'legacy session closed: true',
  ])
  await expect(page.locator('#status')).toHaveText('done')
  expect(errors).toEqual([])
})
