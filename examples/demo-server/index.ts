// `npm start`: a friendly MCP demo server on http://127.0.0.1:3000/mcp (PORT changes the port; 0
// picks a free one). Both protocol eras are served on /mcp; everything is kept in memory. Ctrl-C or
// SIGTERM stops it cleanly: requests in flight get a few seconds to finish.
import { serve } from 'mcpkit/node'
import { createDemoServer } from './server.ts'

const SHUTDOWN_DEADLINE_MS = 5_000

const port = Number(process.env.PORT ?? 3000)
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be an integer from 0 to 65535, got ${process.env.PORT}`)
  process.exit(1)
}

const { server } = createDemoServer()
const serving = serve(server, { host: '127.0.0.1', port })

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  console.log(
    `\n${signal}: stopping (up to ${SHUTDOWN_DEADLINE_MS / 1000} s for requests in flight)`,
  )
  try {
    await server.close({ deadlineMs: SHUTDOWN_DEADLINE_MS })
    await (await serving).close()
    console.log('stopped')
  } catch (error) {
    console.error('shutdown failed:', error)
    process.exitCode = 1
  }
}

// Registered before the URL is printed: whoever sees the URL may stop the server at once.
process.once('SIGINT', () => void stop('SIGINT'))
process.once('SIGTERM', () => void stop('SIGTERM'))

const url = `${(await serving).url}mcp`
console.log(`mcpkit demo server listening on ${url}`)
console.log('')
console.log('  tools      add_note, search_notes, delete_note, brew_coffee, roll_dice')
console.log('  resources  notes://all, notes://{id}')
console.log('  prompt     summarize_notes')
console.log('')
console.log(`  connect:   any MCP client, Streamable HTTP transport, URL ${url}`)
console.log('  stop:      Ctrl-C')
