// The SDK v2 peer over stdio, as its own process: `serveStdio` decides the era from the opening
// exchange (`server/discover` → modern, `initialize` → legacy) and pins one instance from the same
// factory for the connection.
//
//   node --import tsx test/interop/client-v2-process.ts
import { serveStdio } from '@modelcontextprotocol/server/stdio'
import { createV2Server } from './client-v2-peer.ts'

serveStdio(({ era }) => createV2Server(era))
process.stderr.write('official v2 stdio peer: ready\n')
