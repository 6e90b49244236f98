// The fixture's server definition: every tool, resource and prompt of the conformance fixture
// contract (SPEC.md §11.5), registered on one mcpkit server that serves both protocol eras.
import { createServer, type McpServer } from 'mcpkit/server'
import { registerClientInputTools } from './client-input-tools.ts'
import { registerContentTools } from './content-tools.ts'
import { registerMrtrTools } from './mrtr-tools.ts'
import { registerPrompts } from './prompts.ts'
import { registerResources, type WatchedResource } from './resources.ts'
import { registerHeaderTool, registerJsonSchemaTool } from './schema-tools.ts'
import { registerStatelessTools } from './stateless-tools.ts'
import { registerStreamingTools } from './streaming-tools.ts'

/** The fixture server and the handle that changes its watched resource. */
export interface EverythingServer {
  readonly server: McpServer
  readonly watched: WatchedResource
}

/** Creates the fixture server with everything registered. */
export function createEverythingServer(): EverythingServer {
  const server = createServer({
    name: 'mcpkit-everything-server',
    version: '1.0.0',
    description: 'mcpkit conformance fixture',
    instructions: 'A test server exposing every feature the MCP conformance suite exercises.',
    onError: (error, context) => {
      // The error tool fails on purpose; anything else is worth seeing in the fixture's log.
      if (error instanceof Error && error.message.includes('intentionally')) return
      console.error(`[everything-server] ${context.phase} ${context.method ?? ''}:`, error)
    },
  })
  registerHeaderTool(server)
  registerContentTools(server)
  registerStreamingTools(server)
  registerClientInputTools(server)
  registerJsonSchemaTool(server)
  registerMrtrTools(server)
  registerStatelessTools(server)
  const watched = registerResources(server)
  registerPrompts(server)
  return { server, watched }
}
