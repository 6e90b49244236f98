// SEP-2243 scenarios (2026-07-28 over HTTP): the standard `Mcp-Method`/`Mcp-Name` headers, the
// `Mcp-Param-*` headers mirrored from `x-mcp-header` tool parameters, and tools whose
// `x-mcp-header` annotations are invalid and must be dropped from the list.
import { withClient } from './connect.ts'
import type { Scenario } from './scenario.ts'

/** `http-standard-headers`: one request of each kind the mock checks the headers of. */
export const standardHeaders: Scenario = (url, context) =>
  withClient(url, context, {
    body: async (client) => {
      const [tool] = (await client.listTools()).tools
      if (tool !== undefined) await client.callTool({ name: tool.name, arguments: {} })
      const [resource] = (await client.listResources()).resources
      if (resource !== undefined) await client.readResource({ uri: resource.uri })
      const [prompt] = (await client.listPrompts()).prompts
      if (prompt !== undefined) await client.getPrompt({ name: prompt.name, arguments: {} })
      context.log(`called ${tool?.name}, read ${resource?.uri}, got ${prompt?.name}`)
    },
  })

interface ToolCall {
  readonly name: string
  readonly arguments: Readonly<Record<string, unknown>>
}

/** The calls the suite asks for in `MCP_CONFORMANCE_CONTEXT.toolCalls`. */
function toolCalls(inputs: Readonly<Record<string, unknown>>): readonly ToolCall[] {
  const calls = inputs.toolCalls
  if (!Array.isArray(calls)) return []
  return calls.filter(
    (call): call is ToolCall =>
      typeof call === 'object' && call !== null && typeof call.name === 'string',
  )
}

/** `http-custom-headers`: list (to learn the bindings), then make the calls the suite names. */
export const customHeaders: Scenario = (url, context) =>
  withClient(url, context, {
    body: async (client) => {
      const tools = await client.listAllTools()
      context.log(`listed ${tools.map((tool) => tool.name).join(', ')}`)
      for (const call of toolCalls(context.inputs)) {
        await client.callTool({ name: call.name, arguments: call.arguments ?? {} })
      }
    },
  })

/**
 * `http-invalid-tool-headers`: the client drops tools with invalid `x-mcp-header` annotations
 * from the list, so calling every listed tool calls only the valid one.
 */
export const invalidToolHeaders: Scenario = (url, context) =>
  withClient(url, context, {
    body: async (client) => {
      const tools = await client.listAllTools()
      context.log(`kept ${tools.map((tool) => tool.name).join(', ')}`)
      for (const tool of tools) {
        await client.callTool({ name: tool.name, arguments: { region: 'us-west1' } })
      }
    },
  })
