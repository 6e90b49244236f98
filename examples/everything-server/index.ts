// The conformance server fixture: `npm run -s fixture:server` serves it on
// http://127.0.0.1:$PORT/mcp (PORT defaults to 3000), both protocol eras on one endpoint.
// It imports mcpkit through the package's public entries, so it runs the built `dist/`.
import { serve } from 'mcpkit/node'
import { startChanges } from './dynamic.ts'
import { createEverythingServer } from './server.ts'

const port = Number(process.env.PORT ?? 3000)
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  throw new RangeError(`PORT must be an integer from 0 to 65535, got ${process.env.PORT}`)
}

const { server, watched } = createEverythingServer()
const served = await serve(server, { host: '127.0.0.1', port })
const stopChanges = startChanges(server, watched)
console.log(`mcpkit everything-server listening on ${served.url}mcp`)

async function shutDown(): Promise<void> {
  stopChanges()
  await server.close()
  await served.close()
  process.exit(0)
}

process.once('SIGINT', shutDown)
process.once('SIGTERM', shutDown)
