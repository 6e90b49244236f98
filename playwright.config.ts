import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium.ts'

// e2e runs the built package (dist/) in Debian's Chromium; `npm run build` first.
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '.playwright.json' }]],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: 'node --import tsx e2e/fixtures/server.ts',
      url: 'http://127.0.0.1:4173/e2e/pages/engine.html',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
})
