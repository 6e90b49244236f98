// Scenarios that list and call tools: the handshake, plain tool calls, per-request metadata, and
// tool schemas that must reach the app untouched.
import type { McpClient } from 'mcpkit/client'
import { type ScenarioContext, withClient } from './connect.ts'
import type { Scenario } from './scenario.ts'

/** `initialize`: the handshake (or, modern, the first request), one list, a clean close. */
export const initialize: Scenario = (url, context) =>
  withClient(url, context, {
    body: async (client) => {
      const { tools } = await client.listTools()
      const session = client.session
      context.log(`${session?.era} ${session?.protocolVersion}: listed ${tools.length} tools`)
    },
  })

/** `tools_call`: list, then call `add_numbers` with two numbers. */
export const toolsCall: Scenario = (url, context) =>
  withClient(url, context, {
    body: async (client) => {
      await callIfListed(client, context, { name: 'add_numbers', arguments: { a: 5, b: 3 } })
    },
  })

/**
 * `request-metadata` (SEP-2575): every request carries `_meta` (version, capabilities, client
 * info) and a matching `MCP-Protocol-Version` header; the mock refuses the first request with
 * `-32022` and the client retries with a version from `data.supported`. Registering every input
 * handler declares the roots, sampling and elicitation capabilities the scenario checks.
 */
export const requestMetadata: Scenario = (url, context) =>
  withClient(url, context, {
    options: {
      handlers: {
        elicitation: () => ({ action: 'decline' }),
        sampling: () => ({ role: 'assistant', content: { type: 'text', text: '' }, model: 'none' }),
        roots: () => [],
      },
    },
    body: async (client) => {
      const { tools } = await client.listTools()
      context.log(`listed ${tools.length} tools at ${client.session?.protocolVersion}`)
    },
  })

/**
 * `json-schema-ref-no-deref` (SEP-2106): listing a tool whose schema has a network `$ref` must not
 * fetch it. mcpkit never dereferences schemas, so listing is the whole test.
 */
export const jsonSchemaRefNoDeref: Scenario = (url, context) =>
  withClient(url, context, {
    body: async (client) => {
      const tools = await client.listAllTools()
      context.log(`listed ${tools.map((tool) => tool.name).join(', ')}`)
    },
  })

/**
 * `json-schema-2020-12-preservation`: hand the focal tool's `inputSchema`, exactly as the client
 * exposes it, back to the server's echo tool, which compares it with what it sent.
 */
export const jsonSchemaPreservation: Scenario = (url, context) =>
  withClient(url, context, {
    body: async (client) => {
      const tools = await client.listAllTools()
      const focal = tools.find((tool) => tool.name === 'json_schema_2020_12_tool')
      if (focal === undefined) throw new Error('the server does not list json_schema_2020_12_tool')
      const result = await client.callTool({
        name: 'json_schema_echo',
        arguments: { schema: focal.inputSchema },
      })
      context.log(`echo: ${JSON.stringify(result.content)}`)
    },
  })

/**
 * `auth/*`: mcpkit has no OAuth client yet, so these run the plain flow (list, call) and fail at
 * the first 401. They sit in the client baseline until OAuth lands.
 */
export const withoutAuth: Scenario = (url, context) =>
  withClient(url, context, {
    body: async (client) => {
      await callIfListed(client, context, { name: 'test-tool', arguments: {} })
    },
  })

/** Lists the tools, then calls `call.name` when the server offers it. */
async function callIfListed(
  client: McpClient,
  context: ScenarioContext,
  call: { readonly name: string; readonly arguments: Readonly<Record<string, unknown>> },
): Promise<void> {
  const tools = await client.listAllTools()
  if (!tools.some((tool) => tool.name === call.name)) {
    throw new Error(`the server does not list ${call.name}`)
  }
  const result = await client.callTool(call)
  context.log(`${call.name}: ${JSON.stringify(result.content)}`)
}
