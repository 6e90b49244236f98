// A server definition resembling the conformance fixture, for tests that exercise every method.
import { z } from 'zod'
import type { ServerOptions } from '../../../src/server/registry/server-options.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'

export const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='

/** The `json_schema_2020_12_tool` schema of the conformance suite, which must stay verbatim. */
export const SCHEMA_2020_12 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: {
    address: {
      $anchor: 'addr',
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
    },
  },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
  },
  additionalProperties: false,
  allOf: [{ required: ['name'] }],
  anyOf: [{ required: ['name'] }, { required: ['address'] }],
  if: { properties: { name: { const: 'x' } } },
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema if/then/else keyword under test
  then: { required: ['address'] },
  else: {},
}

export function sampleServer(options: Partial<ServerOptions> = {}): ServerRegistry {
  const server = new ServerRegistry({
    name: 'sample',
    version: '1.2.3',
    title: 'Sample server',
    description: 'A server for tests',
    icons: [{ src: 'https://example.com/icon.png', mimeType: 'image/png' }],
    websiteUrl: 'https://example.com',
    instructions: 'Use the tools.',
    ...options,
  })
  server.tool(
    'test_simple_text',
    { title: 'Simple text', description: 'Returns text', annotations: { readOnlyHint: true } },
    () => 'This is a simple text response for testing.',
  )
  server.tool('test_image_content', { description: 'An image' }, () => ({
    content: [{ type: 'image', data: PNG, mimeType: 'image/png' }],
  }))
  server.tool(
    'add',
    {
      description: 'Adds numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
      icons: [{ src: 'https://example.com/add.png' }],
      _meta: { 'example.com/kind': 'math' },
    },
    ({ a, b }) => ({ structuredContent: { sum: a + b } }),
  )
  server.tool('json_schema_2020_12_tool', { inputSchema: SCHEMA_2020_12 }, (args) => ({
    content: [{ type: 'text', text: JSON.stringify(args) }],
  }))
  server.tool('test_error_handling', { description: 'Fails' }, () => {
    throw new Error('This tool intentionally returns an error for testing')
  })
  server.resource(
    'test://static-text',
    { name: 'static-text', title: 'Static text', description: 'Text', mimeType: 'text/plain' },
    () => [{ text: 'This is the content of the static text resource.' }],
  )
  server.resource(
    'test://static-binary',
    { name: 'static-binary', mimeType: 'image/png', icons: [{ src: 'https://example.com/b.png' }] },
    () => [{ blob: PNG }],
  )
  server.resourceTemplate(
    'test://template/{id}/data',
    {
      name: 'template',
      title: 'Template',
      mimeType: 'application/json',
      complete: { id: (value) => ['123', '124', '200'].filter((id) => id.startsWith(value)) },
    },
    ({ uri, variables }) => [
      { uri, text: JSON.stringify({ id: variables.id, templateTest: true }) },
    ],
  )
  server.prompt('test_simple_prompt', { title: 'Simple prompt', description: 'A prompt' }, () => [
    { role: 'user', content: 'This is a simple prompt for testing.' },
  ])
  server.prompt(
    'test_prompt_with_arguments',
    {
      description: 'With arguments',
      arguments: [
        {
          name: 'arg1',
          title: 'First',
          required: true,
          complete: (value) => ['paris', 'park', 'pasta'].filter((v) => v.startsWith(value)),
        },
        { name: 'arg2', required: true },
      ],
    },
    (args) => ({
      description: 'Prompt with arguments',
      messages: [
        {
          role: 'user',
          content: `Prompt with arguments: arg1='${args.arg1}', arg2='${args.arg2}'`,
        },
      ],
    }),
  )
  return server
}
