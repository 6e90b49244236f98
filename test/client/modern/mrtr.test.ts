import { describe, expect, test } from 'vitest'
import { isSchemaValidationError } from '../../../src/client/schema-validation-error.ts'
import { isMcpkitError } from '../../../src/core/errors/guards.ts'
import { result } from '../support/fake-fetch.ts'
import { clientOn, MODERN, metaOf, recordEvents, routes } from '../support/harness.ts'

const elicit = {
  method: 'elicitation/create',
  params: {
    message: 'Please confirm',
    requestedSchema: { type: 'object', properties: { confirmed: { type: 'boolean' } } },
  },
}
const sample = {
  method: 'sampling/createMessage',
  params: {
    messages: [{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }],
    maxTokens: 10,
  },
}
const roots = { method: 'roots/list', params: {} }

const complete = (text: string) => ({ resultType: 'complete', content: [{ type: 'text', text }] })
const inputRequired = (
  inputRequests: Record<string, unknown> | undefined,
  requestState?: string,
) => ({
  resultType: 'input_required',
  ...(inputRequests === undefined ? {} : { inputRequests }),
  ...(requestState === undefined ? {} : { requestState }),
})

const handlers = {
  elicitation: async () => ({ action: 'accept' as const, content: { confirmed: true } }),
  sampling: async () => ({
    role: 'assistant' as const,
    content: { type: 'text', text: 'Paris' },
    model: 'test-model',
  }),
  roots: async () => [{ uri: 'file:///project', name: 'project' }],
}

describe('multi round-trip requests (input_required)', () => {
  test('the retry has a new id, the input responses, and the exact requestState', async () => {
    const state = JSON.stringify({ nonce: 'n-1', padding: ' keep me ' })
    const fake = routes({
      'tools/call': (message) => {
        if (message.params.inputResponses === undefined) {
          return result(
            message.id,
            inputRequired({ confirm: elicit, model: sample, where: roots }, state),
          )
        }
        return result(message.id, complete('done'))
      },
    })
    const seen: unknown[] = []
    const client = clientOn(fake, {
      protocolVersion: MODERN,
      handlers: {
        ...handlers,
        elicitation: async (params, context) => {
          seen.push(params.message, context.era, context.method)
          return { action: 'accept', content: { confirmed: true } }
        },
      },
    })
    const events = recordEvents(client)
    await client.listAllTools().catch(() => [])
    await expect(client.callTool({ name: 'mrtr', arguments: { a: 1 } })).resolves.toMatchObject({
      content: [{ type: 'text', text: 'done' }],
    })
    const calls = fake.posts().filter((m) => m.method === 'tools/call')
    expect(calls).toHaveLength(2)
    const [first, retry] = calls
    expect(retry.id).not.toBe(first.id)
    expect(retry.params.requestState).toBe(state)
    expect(retry.params.arguments).toEqual({ a: 1 })
    expect(retry.params.inputResponses).toEqual({
      confirm: { action: 'accept', content: { confirmed: true } },
      model: { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'test-model' },
      where: { roots: [{ uri: 'file:///project', name: 'project' }] },
    })
    expect(first.params.inputResponses).toBeUndefined()
    expect(metaOf(retry)['io.modelcontextprotocol/protocolVersion']).toBe(MODERN)
    expect(seen).toEqual(['Please confirm', 'modern', 'tools/call'])
    expect(events).toContainEqual({
      type: 'input:required',
      method: 'tools/call',
      round: 1,
      inputs: ['confirm', 'model', 'where'],
    })
    await client.close()
  })

  test('declared capabilities follow the registered handlers', async () => {
    const fake = routes({ 'tools/call': (message) => result(message.id, complete('x')) })
    const client = clientOn(fake, { protocolVersion: MODERN, handlers })
    await client.callTool({ name: 'x' }).catch(() => undefined)
    const call = fake.posts().find((m) => m.method === 'tools/call')
    expect(metaOf(call)['io.modelcontextprotocol/clientCapabilities']).toEqual({
      roots: {},
      sampling: {},
      elicitation: {},
    })
    await client.close()
  })

  test('without requestState in the answer, the retry carries none', async () => {
    const fake = routes({
      'prompts/get': (message) =>
        message.params.inputResponses === undefined
          ? result(message.id, inputRequired({ confirm: elicit }))
          : result(message.id, { resultType: 'complete', messages: [] }),
    })
    const client = clientOn(fake, { protocolVersion: MODERN, handlers })
    await expect(client.getPrompt({ name: 'p' })).resolves.toMatchObject({ messages: [] })
    const retry = fake.posts()[1]
    expect(retry.params).not.toHaveProperty('requestState')
    expect(retry.params.inputResponses).toHaveProperty('confirm')
    await client.close()
  })

  test('an unrelated request between rounds carries no input state', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const fake = routes({
      'tools/call': (message) => {
        if (message.params.name === 'unrelated') return result(message.id, complete('unrelated'))
        if (message.params.inputResponses === undefined) {
          return result(message.id, inputRequired({ confirm: elicit }, 'state-1'))
        }
        return result(message.id, complete('done'))
      },
    })
    const client = clientOn(fake, {
      protocolVersion: MODERN,
      handlers: {
        elicitation: async () => {
          await gate
          return { action: 'accept', content: { confirmed: true } }
        },
      },
    })
    await client.listAllTools().catch(() => [])
    const slow = client.callTool({ name: 'mrtr' })
    await expect(client.callTool({ name: 'unrelated' })).resolves.toMatchObject({
      content: [{ text: 'unrelated' }],
    })
    release()
    await slow
    const unrelated = fake.posts().find((m) => m.params?.name === 'unrelated')
    expect(unrelated.params).not.toHaveProperty('inputResponses')
    expect(unrelated.params).not.toHaveProperty('requestState')
    await client.close()
  })

  test('a result without resultType is complete, not retried', async () => {
    const fake = routes({
      'tools/call': (message) =>
        result(message.id, { content: [{ type: 'text', text: 'no type' }] }),
    })
    const client = clientOn(fake, { protocolVersion: MODERN, handlers })
    await expect(client.callTool({ name: 'x' })).resolves.toMatchObject({ resultType: 'complete' })
    expect(fake.posts().filter((m) => m.method === 'tools/call')).toHaveLength(1)
    await client.close()
  })

  test('rounds are bounded by maxInputRounds', async () => {
    let round = 0
    const fake = routes({
      'resources/read': (message) => {
        round += 1
        return result(message.id, inputRequired({ confirm: elicit }, `state-${round}`))
      },
    })
    const client = clientOn(fake, { protocolVersion: MODERN, handlers, maxInputRounds: 3 })
    const error = await client.readResource({ uri: 'test://x' }).catch((e: unknown) => e)
    expect(isMcpkitError(error) && error.code).toBe('PROTOCOL')
    expect(String(error)).toMatch(/maxInputRounds/)
    const reads = fake.posts().filter((m) => m.method === 'resources/read')
    expect(reads).toHaveLength(4)
    expect(new Set(reads.map((m) => m.id)).size).toBe(4)
    expect(reads[3].params.requestState).toBe('state-3')
    await client.close()
  })

  test('input the client has no handler for fails the call', async () => {
    const fake = routes({
      'tools/call': (message) => result(message.id, inputRequired({ s: sample })),
    })
    const client = clientOn(fake, { protocolVersion: MODERN })
    const error = await client.callTool({ name: 'x' }).catch((e: unknown) => e)
    expect(isMcpkitError(error) && error.code).toBe('PROTOCOL')
    expect(String(error)).toMatch(/sampling\/createMessage/)
    expect(fake.posts().filter((m) => m.method === 'tools/call')).toHaveLength(1)
    await client.close()
  })

  test('a handler answer that breaks the schema fails with a SchemaValidationError', async () => {
    const fake = routes({
      'tools/call': (message) => result(message.id, inputRequired({ confirm: elicit })),
    })
    const client = clientOn(fake, {
      protocolVersion: MODERN,
      handlers: { elicitation: async () => ({ action: 'maybe' }) as never },
    })
    const error = await client.callTool({ name: 'x' }).catch((e: unknown) => e)
    expect(isSchemaValidationError(error)).toBe(true)
    await client.close()
  })

  test('a malformed input_required result is a SchemaValidationError', async () => {
    const fake = routes({
      'tools/call': (message) => result(message.id, { resultType: 'input_required' }),
    })
    const client = clientOn(fake, { protocolVersion: MODERN, handlers })
    const error = await client.callTool({ name: 'x' }).catch((e: unknown) => e)
    expect(isSchemaValidationError(error)).toBe(true)
    await client.close()
  })
})
