// Tools that send notifications on the request's own stream while they run: log messages,
// progress, and the SSE-polling tool that drops its connection mid-call.
import type { McpServer } from 'mcpkit/server'
import { pause } from './media.ts'

const LOG_GAP_MS = 50
const PROGRESS_STEPS = [0, 50, 100] as const

/** Registers the logging, progress and reconnection tools. */
export function registerStreamingTools(server: McpServer): void {
  server.tool(
    'test_tool_with_logging',
    { description: 'Sends three info log messages about 50 ms apart while it runs' },
    async (_args, ctx) => {
      await ctx.log('info', 'Tool execution started')
      await pause(LOG_GAP_MS, ctx.signal)
      await ctx.log('info', 'Tool processing data')
      await pause(LOG_GAP_MS, ctx.signal)
      await ctx.log('info', 'Tool execution completed')
      return 'Tool with logging executed successfully'
    },
  )
  server.tool(
    'test_tool_with_progress',
    {
      description: 'Reports progress 0, 50 and 100 of 100 when the request carries a progressToken',
    },
    async (_args, ctx) => {
      // ctx.progress sends nothing without a progressToken, as the spec requires.
      for (const step of PROGRESS_STEPS) {
        await ctx.progress(step, 100, `Completed step ${step} of 100`)
        if (step < 100) await pause(LOG_GAP_MS, ctx.signal)
      }
      const token = ctx.meta.progressToken
      return token === undefined ? 'Progress reported: none requested' : String(token)
    },
  )
  server.tool(
    'test_reconnection',
    {
      description:
        'SSE polling (SEP-1699): closes the POST stream mid-call; the client resumes with GET and Last-Event-ID to get the result',
    },
    async (_args, ctx) => {
      // The log message opens the POST stream as SSE (priming event with an id and `retry`).
      await ctx.log('info', 'test_reconnection: closing the stream; reconnect with Last-Event-ID')
      ctx.closeStream()
      // Give the client time to reconnect; the result reaches it through the event store.
      await pause(100, ctx.signal)
      return 'Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.'
    },
  )
}
