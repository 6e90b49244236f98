// Loads the BUILT client (dist/) the way an app would and talks to the demo server that the e2e
// fixture server mounts on /mcp (same origin). A modern client negotiates, lists and calls tools; a
// legacy (2025-11-25) client calls a tool whose SSE stream the server closes mid-call and must
// resume, then survives the server dropping its GET stream; a modern call follows.

import { createClient } from '/dist/client/index.js'

const MCP_URL = new URL('/mcp', location.href).href
const CLIENT_INFO = { name: 'chromium-page', version: '1.0.0' }

const log = (line) => {
  document.getElementById('log').textContent += `${line}\n`
}

/** Every event a client emits, in order. */
function track(client) {
  const events = []
  client.events.subscribe((event) => events.push(event))
  return events
}

/** The transport's own events (stream opened, reconnect scheduled, resumed, …). */
function transportEvents(events) {
  return events.flatMap((event) => (event.type === 'transport' ? [event.event] : []))
}

async function until(check, what, timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function resumed(events, stream) {
  return transportEvents(events).filter(
    (event) => event.type === 'reconnect:resumed' && event.stream === stream,
  )
}

async function modernBasics(modern) {
  const session = await modern.connect()
  log(`modern: ${session.era} ${session.protocolVersion} via ${session.source}`)
  const tools = await modern.listAllTools()
  log(
    `tools: ${tools
      .map((tool) => tool.name)
      .sort()
      .join(' ')}`,
  )
  const dice = await modern.callTool({ name: 'roll_dice', arguments: { count: 3, sides: 6 } })
  const { rolls, total } = dice.structuredContent
  const sum = rolls.reduce((a, b) => a + b, 0)
  log(`roll_dice: ${rolls.length} rolls adding up to the total: ${sum === total}`)
  const progress = []
  const found = await modern.callTool(
    { name: 'search_notes', arguments: { query: 'oat milk' } },
    { onProgress: (update) => progress.push(update) },
  )
  const last = progress.at(-1)
  const complete = last !== undefined && last.progress === last.total
  log(`search_notes: ${found.content[0].text}; progress complete: ${complete}`)
}

async function legacyDroppedPostStream(legacy, events) {
  const session = await legacy.connect()
  const withId = session.sessionId === undefined ? 'no session id' : 'a session id'
  log(`legacy: ${session.era} ${session.protocolVersion} with ${withId}`)
  const progress = []
  const result = await legacy.callTool(
    { name: 'drop_stream', arguments: { steps: 3 } },
    { onProgress: (update) => progress.push(update.progress) },
  )
  log(`drop_stream (legacy): ${result.content[0].text}; progress ${progress.join(',')}`)
  const posts = resumed(events, 'post')
  const withLastEventId = posts.length === 1 && posts[0].lastEventId !== undefined
  log(`POST stream resumed with Last-Event-ID: ${withLastEventId}`)
}

async function legacyDroppedGetStream(legacy, events) {
  const opened = (event) => event.type === 'stream:opened' && event.stream === 'get'
  await until(() => transportEvents(events).some(opened), 'the GET stream')
  const updates = []
  const subscription = await legacy.listen(
    { resourceSubscriptions: ['notes://all'] },
    { onNotification: (notification) => updates.push(notification) },
  )
  await subscription.acknowledged
  const answer = await fetch('/e2e/drop-get-streams', { method: 'POST' })
  const { dropped } = await answer.json()
  log(`GET stream dropped by the server: ${dropped >= 1}`)
  await until(() => resumed(events, 'get').length > 0, 'the GET stream to come back')
  log('GET stream reconnected')
  const added = await legacy.callTool({
    name: 'add_note',
    arguments: { title: 'From Chromium', body: 'written after the drop' },
  })
  const updated = () => updates.some((n) => n.params?.uri === 'notes://all')
  await until(updated, 'the notes://all update')
  log('update received after the drop: notes://all')
  await legacy.callTool({ name: 'delete_note', arguments: { id: added.structuredContent.id } })
  await subscription.close()
}

async function modernAfterDrops(modern) {
  const progress = []
  const result = await modern.callTool(
    { name: 'drop_stream', arguments: { steps: 2 } },
    { onProgress: (update) => progress.push(update.progress) },
  )
  log(`drop_stream (modern): ${result.content[0].text}; progress ${progress.join(',')}`)
}

async function main() {
  const modern = createClient({ url: MCP_URL, ...CLIENT_INFO })
  const legacy = createClient({ url: MCP_URL, ...CLIENT_INFO, protocolVersion: '2025-11-25' })
  const legacyEvents = track(legacy)
  try {
    await modernBasics(modern)
    await legacyDroppedPostStream(legacy, legacyEvents)
    await legacyDroppedGetStream(legacy, legacyEvents)
    await modernAfterDrops(modern)
  } finally {
    await Promise.all([legacy.close(), modern.close()])
  }
  const closed = legacyEvents.some((event) => event.type === 'session:closed')
  log(`legacy session closed: ${closed}`)
  document.getElementById('status').textContent = 'done'
}

main().catch((error) => {
  log(`error: ${error?.name}: ${error?.message}\n${error?.stack ?? ''}`)
  document.getElementById('status').textContent = 'failed'
})
