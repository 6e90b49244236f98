import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { startChanges } from '../../examples/everything-server/dynamic.ts'
import {
  createEverythingServer,
  type EverythingServer,
} from '../../examples/everything-server/server.ts'

// The conformance fixture, served in-process through McpServer.handle() (the full conformance run
// is `npm run conformance:server`). These checks pin the contract names and the payloads that are
// easy to break by accident.

const MODERN = '2026-07-28'
const META = {
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientCapabilities': { elicitation: {}, sampling: {}, roots: {} },
}

let fixture: EverythingServer
let nextId = 1

beforeEach(() => {
  fixture = createEverythingServer()
})

afterEach(async () => {
  vi.useRealTimers()
  await fixture.server.close()
})

/** Sends one modern request and returns its JSON-RPC result (the last message of an SSE reply). */
async function call(method: string, params: Record<string, unknown> = {}) {
  const name = params.name ?? params.uri
  const response = await fixture.server.handle(
    new Request('http://127.0.0.1/mcp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': MODERN,
        'mcp-method': method,
        ...(typeof name === 'string' ? { 'mcp-name': name } : {}),
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: nextId++,
        method,
        params: { ...params, _meta: META },
      }),
    }),
  )
  const text = await response.text()
  const json = response.headers.get('content-type')?.startsWith('text/event-stream')
    ? (text.match(/^data: ?(.+)$/gm) ?? []).map((line) => line.replace(/^data: ?/, '')).at(-1)
    : text
  const message = JSON.parse(json ?? 'null')
  expect(message.error).toBeUndefined()
  return message.result
}

const names = (items: { name: string }[]) => items.map((item) => item.name)

describe('examples/everything-server', () => {
  test('offers every tool, prompt and resource of the fixture contract', async () => {
    const { tools } = await call('tools/list')
    expect(names(tools)).toEqual(
      expect.arrayContaining([
        'test_simple_text',
        'test_image_content',
        'test_audio_content',
        'test_embedded_resource',
        'test_multiple_content_types',
        'test_tool_with_logging',
        'test_tool_with_progress',
        'test_error_handling',
        'test_sampling',
        'test_elicitation',
        'test_elicitation_sep1034_defaults',
        'test_elicitation_sep1330_enums',
        'test_reconnection',
        'json_schema_2020_12_tool',
        'test_missing_capability',
        'test_logging_tool',
        'test_streaming_elicitation',
        'test_trigger_tool_change',
        'test_trigger_prompt_change',
        'test_input_required_result_elicitation',
        'test_input_required_result_sampling',
        'test_input_required_result_list_roots',
        'test_input_required_result_request_state',
        'test_input_required_result_multiple_inputs',
        'test_input_required_result_multi_round',
        'test_input_required_result_tampered_state',
        'test_input_required_result_capabilities',
      ]),
    )
    // Header scenarios call the first tool with `{}` and need an x-mcp-header string parameter.
    expect(tools[0].inputSchema.properties.region['x-mcp-header']).toBe('Region')
    const { prompts } = await call('prompts/list')
    expect(names(prompts)).toEqual([
      'test_simple_prompt',
      'test_prompt_with_arguments',
      'test_prompt_with_embedded_resource',
      'test_prompt_with_image',
      'test_input_required_result_prompt',
    ])
    const { resources } = await call('resources/list')
    expect(resources.map((r: { uri: string }) => r.uri)).toEqual([
      'test://static-text',
      'test://static-binary',
      'test://watched-resource',
    ])
    const { resourceTemplates } = await call('resources/templates/list')
    expect(resourceTemplates[0].uriTemplate).toBe('test://template/{id}/data')
  })

  test('advertises the JSON Schema 2020-12 tool verbatim', async () => {
    const { tools } = await call('tools/list')
    const schema = tools.find((tool: { name: string }) => tool.name === 'json_schema_2020_12_tool')
    expect(schema.inputSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: { address: { $anchor: 'addressDef' } },
      allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
      if: { required: ['contactMethod'] },
      else: { required: ['email'] },
      additionalProperties: false,
    })
    // Read on its own: an object literal with a `then` key would look like a promise.
    expect(schema.inputSchema.then).toEqual({ required: ['phone'] })
  })

  test('serves the payloads the scenarios spell out', async () => {
    const text = await call('tools/call', { name: 'test_simple_text', arguments: {} })
    expect(text.content).toEqual([
      { type: 'text', text: 'This is a simple text response for testing.' },
    ])
    const failed = await call('tools/call', { name: 'test_error_handling', arguments: {} })
    expect(failed.isError).toBe(true)
    const read = await call('resources/read', { uri: 'test://template/123/data' })
    expect(JSON.parse(read.contents[0].text)).toEqual({
      id: '123',
      templateTest: true,
      data: 'Data for ID: 123',
    })
    const prompt = await call('prompts/get', {
      name: 'test_prompt_with_arguments',
      arguments: { arg1: 'hello', arg2: 'world' },
    })
    expect(prompt.messages[0].content.text).toBe(
      "Prompt with arguments: arg1='hello', arg2='world'",
    )
  })

  test('asks for input in rounds (2026-07-28) and completes with the answers', async () => {
    const name = 'test_input_required_result_multi_round'
    const first = await call('tools/call', { name, arguments: {} })
    expect(first.resultType).toBe('input_required')
    expect(Object.keys(first.inputRequests)).toEqual(['step1'])
    const step1 = { action: 'accept', content: { name: 'Ada' } }
    const second = await call('tools/call', {
      name,
      arguments: {},
      inputResponses: { step1 },
      requestState: first.requestState,
    })
    expect(Object.keys(second.inputRequests)).toEqual(['step2'])
    expect(second.requestState).not.toBe(first.requestState)
    const step2 = { action: 'accept', content: { color: 'green' } }
    const done = await call('tools/call', {
      name,
      arguments: {},
      inputResponses: { step2 },
      requestState: second.requestState,
    })
    expect(done.content[0].text).toBe('Multi-round complete: Ada likes green')
  })

  test('adds items after 2 s and changes the watched resource every 3 s', async () => {
    vi.useFakeTimers()
    const stop = startChanges(fixture.server, fixture.watched)
    const watched = { uri: 'test://watched-resource' }
    expect((await call('resources/read', watched)).contents[0].text).toBe(
      'Watched resource content',
    )
    await vi.advanceTimersByTimeAsync(2000)
    expect(names((await call('tools/list')).tools)).toContain('test_dynamic_tool')
    expect(names((await call('prompts/list')).prompts)).toContain('test_dynamic_prompt')
    await vi.advanceTimersByTimeAsync(1000)
    expect((await call('resources/read', watched)).contents[0].text).toBe(
      'Watched resource content (update 1)',
    )
    stop()
  })
})
