// Loads the BUILT client from http://127.0.0.1:<port> and talks to MCP endpoints on
// http://localhost:<port>: another origin, so every POST is preflighted and `Mcp-Session-Id` is
// readable only if the server exposes it. `/mcp` is the demo server (CORS on, the default);
// `/mcp-no-cors` is a server with `cors: false`, which the browser must refuse to read;
// `/mcp-hidden-session` answers CORS but leaves `Mcp-Session-Id` unexposed, which the client must
// explain.

import { createClient } from '/dist/client/index.js'

const OTHER_ORIGIN = `http://localhost:${location.port}`
const CLIENT_INFO = { name: 'cross-origin-page', version: '1.0.0' }

const log = (line) => {
  document.getElementById('log').textContent += `${line}\n`
}

async function legacySession() {
  const client = createClient({
    url: `${OTHER_ORIGIN}/mcp`,
    ...CLIENT_INFO,
    protocolVersion: '2025-11-25',
  })
  const events = []
  client.events.subscribe((event) => events.push(event))
  try {
    const session = await client.connect()
    log(
      `legacy: ${session.era} ${session.protocolVersion}, session id read: ${typeof session.sessionId === 'string' && session.sessionId.length > 0}`,
    )
    const progress = []
    const found = await client.callTool(
      { name: 'search_notes', arguments: { query: 'oat milk' } },
      { onProgress: (update) => progress.push(update.progress) },
    )
    log(`search_notes over SSE: ${found.content[0].text}; progress: ${progress.length > 0}`)
  } finally {
    await client.close()
  }
  log(`legacy session closed: ${events.some((event) => event.type === 'session:closed')}`)
}

async function modernCall() {
  const client = createClient({ url: `${OTHER_ORIGIN}/mcp`, ...CLIENT_INFO })
  try {
    const session = await client.connect()
    log(`modern: ${session.era} ${session.protocolVersion}`)
    const dice = await client.callTool({ name: 'roll_dice', arguments: { count: 2, sides: 6 } })
    log(`roll_dice: ${dice.structuredContent.rolls.length} rolls`)
  } finally {
    await client.close()
  }
}

async function withoutCors() {
  const client = createClient({
    url: `${OTHER_ORIGIN}/mcp-no-cors`,
    ...CLIENT_INFO,
    protocolVersion: '2025-11-25',
  })
  try {
    await client.connect()
    log('no-cors: connected (unexpected)')
  } catch (error) {
    log(`no-cors: refused by the browser: ${error?.name}`)
  } finally {
    await client.close()
  }
}

async function hiddenSessionId() {
  const client = createClient({
    url: `${OTHER_ORIGIN}/mcp-hidden-session`,
    ...CLIENT_INFO,
    protocolVersion: '2025-11-25',
  })
  try {
    await client.connect()
    await client.callTool({ name: 'ping_tool', arguments: {} })
    log('hidden-session: called (unexpected)')
  } catch (error) {
    const hint = error?.message?.includes('Access-Control-Expose-Headers')
    log(`hidden-session: ${error?.name} ${error?.code}, names the fix: ${hint}`)
  } finally {
    await client.close()
  }
}

async function main() {
  await legacySession()
  await modernCall()
  await withoutCors()
  await hiddenSessionId()
  document.getElementById('status').textContent = 'done'
}

main().catch((error) => {
  log(`error: ${error?.name}: ${error?.message}\n${error?.stack ?? ''}`)
  document.getElementById('status').textContent = 'failed'
})
