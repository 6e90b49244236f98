// Diagnostic tools the 2026-07-28 server-stateless scenario calls by name: logging gated on the
// request's logLevel, a plain streamed result, and triggers that announce list changes to open
// subscriptions/listen streams.
import type { McpServer } from 'mcpkit/server'

/** Registers the server-stateless diagnostic tools. */
export function registerStatelessTools(server: McpServer): void {
  server.tool(
    'test_logging_tool',
    { description: 'Logs one info message, delivered only when the request set a logLevel' },
    async (_args, ctx) => {
      await ctx.log('info', 'test_logging_tool ran')
      return 'Logged through the request-scoped channel'
    },
  )
  server.tool(
    'test_streaming_elicitation',
    { description: 'Answers with result frames only: no server-to-client request on the stream' },
    () => 'Stream carried the result and nothing else',
  )
  server.tool(
    'test_trigger_tool_change',
    { description: 'Announces that the tool list changed to every listening client' },
    () => {
      server.listChanged('tools')
      return 'tools/list_changed sent'
    },
  )
  server.tool(
    'test_trigger_prompt_change',
    { description: 'Announces that the prompt list changed to every listening client' },
    () => {
      server.listChanged('prompts')
      return 'prompts/list_changed sent'
    },
  )
}
