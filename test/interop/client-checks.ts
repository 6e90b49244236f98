// The checks every peer of the mcpkit client's interop suite must pass: the same calls through the
// same public API, whatever the peer, era or transport. The peers (client-v1-peer.ts and
// client-v2-peer.ts, over HTTP or as processes over stdio) all offer the same definition.
import type { ClientEvent, ClientOptions, InputHandlers, McpClient } from 'mcpkit/client'
import { createClient } from 'mcpkit/client'
import { expect } from 'vitest'
import { PAGED_PROMPTS } from './client-peer-data.ts'

/** Answers the peers' elicitation and sampling requests the same way in both eras. */
export const HANDLERS: InputHandlers = {
  elicitation: (params) => {
    expect(params.message).toBe('Your name?')
    return { action: 'accept', content: { name: 'Ada' } }
  },
  sampling: (params) => {
    expect(params.maxTokens).toBe(20)
    return { role: 'assistant', content: { type: 'text', text: 'hi' }, model: 'test-model' }
  },
}

/** Clients made by {@link openClient}, closed by {@link closeClients}. */
const open = new Set<McpClient>()

/** A client with the shared handlers and no era cache (every test negotiates afresh). */
export function openClient(options: ClientOptions): { client: McpClient; events: ClientEvent[] } {
  const client = createClient({
    name: 'mcpkit-interop',
    version: '1.0.0',
    eraCache: false,
    requestTimeoutMs: 5_000,
    handlers: HANDLERS,
    ...options,
  })
  const events: ClientEvent[] = []
  client.events.subscribe((event) => events.push(event))
  open.add(client)
  return { client, events }
}

/** Closes every client {@link openClient} made. */
export async function closeClients(): Promise<void> {
  await Promise.all([...open].map((client) => client.close()))
  open.clear()
}

/** Tools, structured output and progress. */
export async function checkTools(client: McpClient): Promise<void> {
  const tools = await client.listAllTools()
  expect(tools.map((tool) => tool.name)).toEqual(
    expect.arrayContaining(['echo', 'add', 'countdown', 'greet_user', 'ask_model']),
  )
  const add = tools.find((tool) => tool.name === 'add')
  expect(add?.inputSchema).toMatchObject({
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
  })

  const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } })
  expect(sum.structuredContent).toEqual({ sum: 42 })
  const echo = await client.callTool({ name: 'echo', arguments: { text: 'héllo ✓' } })
  expect(echo.content).toEqual([{ type: 'text', text: 'héllo ✓' }])

  const progress: number[] = []
  const lift = await client.callTool(
    { name: 'countdown', arguments: { from: 3 } },
    { onProgress: (p) => progress.push(p.progress) },
  )
  expect(lift.content).toEqual([{ type: 'text', text: 'Lift-off!' }])
  expect(progress).toEqual([1, 2, 3])
}

/** Resources, templates, prompts (paged), and completion. */
export async function checkCatalog(client: McpClient): Promise<void> {
  const resources = await client.listAllResources()
  expect(resources.map((resource) => resource.uri)).toContain('example://notes/welcome')
  const note = await client.readResource({ uri: 'example://notes/welcome' })
  expect(note.contents).toEqual([expect.objectContaining({ text: '# Welcome' })])
  const templates = await client.listAllResourceTemplates()
  expect(templates.map((template) => template.uriTemplate)).toContain('example://greetings/{name}')
  const greeting = await client.readResource({ uri: 'example://greetings/Ada' })
  expect(greeting.contents).toEqual([expect.objectContaining({ text: 'Hello, Ada!' })])

  const first = await client.listPrompts()
  expect(first.prompts.map((prompt) => prompt.name)).toEqual(['review', 'haiku'])
  expect(first.nextCursor).toBeDefined()
  const all = await client.listAllPrompts()
  expect(all.map((prompt) => prompt.name)).toEqual(PAGED_PROMPTS.map((prompt) => prompt.name))
  const prompt = await client.getPrompt({
    name: 'review',
    arguments: { code: 'let x = 1', language: 'typescript' },
  })
  expect(prompt.messages).toEqual([
    { role: 'user', content: { type: 'text', text: 'Review this typescript:\nlet x = 1' } },
  ])

  const languages = await client.complete({
    ref: { type: 'ref/prompt', name: 'review' },
    argument: { name: 'language', value: 'py' },
  })
  expect(languages.completion.values).toEqual(['python'])
  const names = await client.complete({
    ref: { type: 'ref/resource', uri: 'example://greetings/{name}' },
    argument: { name: 'name', value: 'A' },
  })
  expect(names.completion.values).toEqual(['Ada', 'Alan'])
}

/** Elicitation and sampling, answered by {@link HANDLERS}. */
export async function checkInput(client: McpClient): Promise<void> {
  const greeted = await client.callTool({ name: 'greet_user' })
  expect(greeted.content).toEqual([{ type: 'text', text: 'Hello, Ada!' }])
  const sampled = await client.callTool({ name: 'ask_model' })
  expect(sampled.content).toEqual([{ type: 'text', text: 'model test-model said hi' }])
}

/** The event types a client emitted, in order, without repeats next to each other. */
export function eventTypes(events: readonly ClientEvent[]): string[] {
  return events.map((event) => event.type).filter((type, i, all) => type !== all[i - 1])
}
