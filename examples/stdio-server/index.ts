// A small MCP server over stdio, both protocol eras: a client speaking 2026-07-28 is served
// statelessly, an older client with `initialize`. stdout carries only MCP messages; this file logs
// to stderr. The process exits when the client closes stdin, or on SIGINT/SIGTERM.
//
//   node --import tsx examples/stdio-server/index.ts
//
// Point any MCP client at that command (for example the Inspector: `mcp-inspector --cli node
// --import tsx examples/stdio-server/index.ts --method tools/list`).
import { serveStdio } from 'mcpkit/node'
import { createExampleServer } from './server.ts'

const server = createExampleServer()
const stdio = serveStdio(server)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`mcpkit stdio example: ${signal}, stopping\n`)
    void stdio.close()
  })
}
process.stderr.write('mcpkit stdio example: ready\n')

await stdio.closed
await server.close()
process.stderr.write('mcpkit stdio example: stopped\n')
