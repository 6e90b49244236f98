// Shared checks for the interop suite: the official clients (SDK v2 `@modelcontextprotocol/client`,
// SDK v1 `@modelcontextprotocol/sdk`) talk to mcpkit's example server over HTTP and over stdio, and
// every transport must give the same answers.
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

/** The stdio example the stdio tests spawn. */
export const STDIO_EXAMPLE = fileURLToPath(
  new URL('../../examples/stdio-server/index.ts', import.meta.url),
)
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** How the official stdio transports spawn the example (TypeScript through tsx). */
export function exampleCommand(): {
  command: string
  args: string[]
  cwd: string
  env: Record<string, string>
} {
  return {
    command: process.execPath,
    args: ['--import', 'tsx', STDIO_EXAMPLE],
    cwd: REPO_ROOT,
    env: inheritedEnvironment(),
  }
}

/** This process's environment, as the string record the stdio transports take. */
export function inheritedEnvironment(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value
  return env
}

interface ContentItem {
  type: string
  text?: string
}

/** The subset of both SDKs' `Client` these checks use. */
export interface OfficialClient {
  listTools(): Promise<{ tools: { name: string; inputSchema: unknown }[] }>
  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<unknown>
  listResources(): Promise<{ resources: { uri: string; name: string }[] }>
  listResourceTemplates(): Promise<{ resourceTemplates: { uriTemplate: string }[] }>
  readResource(params: { uri: string }): Promise<{ contents: { uri: string; text?: unknown }[] }>
  listPrompts(): Promise<{ prompts: { name: string }[] }>
  getPrompt(params: {
    name: string
    arguments?: Record<string, string>
  }): Promise<{ messages: { role: string; content: unknown }[] }>
  getServerVersion(): { name: string; version: string } | undefined
}

/** Lists, calls, reads and gets everything the example server offers, and checks the answers. */
export async function exerciseExampleServer(client: OfficialClient): Promise<void> {
  expect(client.getServerVersion()).toMatchObject({
    name: 'mcpkit-stdio-example',
    version: '1.0.0',
  })

  const { tools } = await client.listTools()
  expect(tools.map((tool) => tool.name)).toEqual(['add', 'echo', 'countdown'])
  expect(tools[0]?.inputSchema).toMatchObject({
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
  })

  const sum = (await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } })) as {
    structuredContent?: unknown
    content: ContentItem[]
  }
  expect(sum.structuredContent).toEqual({ sum: 42 })
  expect(sum.content).toEqual([{ type: 'text', text: '{"sum":42}' }])

  const echo = (await client.callTool({ name: 'echo', arguments: { text: 'héllo ✓' } })) as {
    content: ContentItem[]
  }
  expect(echo.content).toEqual([{ type: 'text', text: 'héllo ✓' }])

  const invalid = (await client.callTool({ name: 'add', arguments: { a: 'two' } })) as {
    isError?: boolean
  }
  expect(invalid.isError).toBe(true)

  const { resources } = await client.listResources()
  expect(resources).toEqual([
    expect.objectContaining({ uri: 'example://notes/welcome', name: 'welcome' }),
  ])
  const { resourceTemplates } = await client.listResourceTemplates()
  expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['example://greetings/{name}'])
  const note = await client.readResource({ uri: 'example://notes/welcome' })
  expect(note.contents).toEqual([
    expect.objectContaining({
      uri: 'example://notes/welcome',
      text: expect.stringContaining('# Welcome'),
    }),
  ])
  const greeting = await client.readResource({ uri: 'example://greetings/Ada' })
  expect(greeting.contents[0]?.text).toBe('Hello, Ada!')

  const { prompts } = await client.listPrompts()
  expect(prompts.map((p) => p.name)).toEqual(['review'])
  const prompt = await client.getPrompt({ name: 'review', arguments: { code: 'let x = 1' } })
  expect(prompt.messages).toEqual([
    { role: 'user', content: { type: 'text', text: 'Please review this code:\n\nlet x = 1' } },
  ])
}

/** One progress update as the clients report it. */
export interface ProgressUpdate {
  readonly progress: number
  readonly total?: number | undefined
}

/** Checks the progress a countdown from 3 reported. */
export function expectCountdownProgress(progress: readonly ProgressUpdate[]): void {
  expect(progress.map((p) => [p.progress, p.total])).toEqual([
    [1, 3],
    [2, 3],
    [3, 3],
  ])
}
