// The server definition of the stdio example: a few tools, a resource, a resource template and a
// prompt. index.ts serves it over stdio; the interop tests also serve it over HTTP, so every
// transport is checked against the same definition.
import { createServer, type McpServer, type McpServerOptions } from 'mcpkit/server'
import { z } from 'zod'

/**
 * Creates the example server; nothing is served until a transport is attached. `options` adds to
 * the defaults (the interop tests turn on the 2024-11-05 HTTP+SSE transport this way).
 */
export function createExampleServer(options: Partial<McpServerOptions> = {}): McpServer {
  const server = createServer({
    name: 'mcpkit-stdio-example',
    version: '1.0.0',
    instructions: 'Small arithmetic and text tools, a notes resource and a code-review prompt.',
    ...options,
  })

  server.tool(
    'add',
    {
      title: 'Add',
      description: 'Adds two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
      annotations: { readOnlyHint: true },
    },
    ({ a, b }) => ({ structuredContent: { sum: a + b } }),
  )

  server.tool(
    'echo',
    { description: 'Returns its text', inputSchema: z.object({ text: z.string() }) },
    ({ text }) => text,
  )

  server.tool(
    'countdown',
    {
      description: 'Counts down from `from` to 1, reporting progress and logging each step',
      inputSchema: z.object({ from: z.number().int().min(1).max(10) }),
    },
    async ({ from }, ctx) => {
      for (let left = from; left >= 1; left--) {
        await ctx.progress(from - left + 1, from, `${left} left`)
        await ctx.log('info', `countdown: ${left}`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      return 'Lift-off!'
    },
  )

  server.resource(
    'example://notes/welcome',
    { name: 'welcome', title: 'Welcome note', mimeType: 'text/markdown' },
    () => [{ text: '# Welcome\n\nThis note is served by mcpkit.' }],
  )

  server.resourceTemplate(
    'example://greetings/{name}',
    { name: 'greeting', description: 'A greeting for anyone', mimeType: 'text/plain' },
    ({ uri, variables }) => [{ uri, text: `Hello, ${variables.name}!` }],
  )

  server.prompt(
    'review',
    {
      description: 'Asks the model to review a piece of code',
      arguments: [{ name: 'code', description: 'The code to review', required: true }],
    },
    ({ code }) => [{ role: 'user', content: `Please review this code:\n\n${code}` }],
  )

  return server
}
