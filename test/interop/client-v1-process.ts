// The SDK v1 peer as its own process, for tests that need a real child (stdio) or a peer that really
// dies (the `crash` tool exits the process mid-call):
//
//   node --import tsx test/interop/client-v1-process.ts stdio
//   node --import tsx test/interop/client-v1-process.ts http     # prints "listening <url>"
//
// stdio: an `McpServer` on `StdioServerTransport`; stdout carries only MCP messages.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { createV1Server, startV1HttpPeer } from './client-v1-peer.ts'

const CRASH_EXIT_CODE = 3
const crash = () => process.exit(CRASH_EXIT_CODE)

if (process.argv[2] === 'http') {
  const peer = await startV1HttpPeer({ hooks: { onCrash: crash } })
  process.stdout.write(`listening ${peer.url}\n`)
  process.once('SIGTERM', () => void peer.close().then(() => process.exit(0)))
} else {
  const server = createV1Server({ onCrash: crash })
  const transport = new StdioServerTransport()
  transport.onclose = () => process.exit(0)
  await server.connect(transport)
  process.stderr.write('official v1 stdio peer: ready\n')
}
