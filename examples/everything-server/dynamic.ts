// What changes while the fixture runs: a tool, a resource and a prompt appear about 2 s after start
// (each addition sends a list_changed notification), and the watched resource changes every 3 s
// (notifications/resources/updated to its subscribers).
import type { McpServer } from 'mcpkit/server'
import type { WatchedResource } from './resources.ts'

const ADD_AFTER_MS = 2000
const UPDATE_EVERY_MS = 3000

function addDynamicItems(server: McpServer): void {
  server.tool(
    'test_dynamic_tool',
    { description: 'Added about 2 s after the server started' },
    () => 'This tool was added dynamically.',
  )
  server.resource(
    'test://dynamic-resource',
    {
      name: 'dynamic-resource',
      description: 'Added about 2 s after the server started',
      mimeType: 'text/plain',
    },
    () => [{ mimeType: 'text/plain', text: 'This resource was added dynamically.' }],
  )
  server.prompt(
    'test_dynamic_prompt',
    { description: 'Added about 2 s after the server started' },
    () => [{ role: 'user', content: 'This prompt was added dynamically.' }],
  )
}

/** Starts the timers; returns the function that stops them. */
export function startChanges(server: McpServer, watched: WatchedResource): () => void {
  const addition = setTimeout(() => addDynamicItems(server), ADD_AFTER_MS)
  const updates = setInterval(() => watched.touch(), UPDATE_EVERY_MS)
  return () => {
    clearTimeout(addition)
    clearInterval(updates)
  }
}
