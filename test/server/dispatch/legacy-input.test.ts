import { describe, expect, test } from 'vitest'
import type { ProtocolRevision } from '../../../src/core/eras/versions.ts'
import { ProtocolError } from '../../../src/core/errors/protocol-error.ts'
import type { ChannelRequestOptions } from '../../../src/server/dispatch/scope.ts'
import type { ElicitParams } from '../../../src/server/registry/content-types.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'
import { expectValidResult, fakeScope, type ScopeOptions } from './harness.ts'
import { CAPITAL, ELICIT_NAME } from './mrtr-server.ts'

const ACCEPT = { action: 'accept', content: { name: 'Ada' } }
const SAMPLED = { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'm' }

function registry(): ServerRegistry {
  const server = new ServerRegistry({ name: 'legacy', version: '1' })
  server.tool('elicit', async (_args, ctx) =>
    JSON.stringify(await ctx.elicit(ELICIT_NAME, { timeoutMs: 5000 })),
  )
  server.tool('sample', async (_args, ctx) => JSON.stringify((await ctx.sample(CAPITAL)).content))
  server.tool('roots', async (_args, ctx) => JSON.stringify(await ctx.listRoots()))
  server.tool('bad-elicit', async (_args, ctx) => {
    await ctx.elicit({
      requestedSchema: { type: 'object', properties: {} },
    } as unknown as ElicitParams)
    return 'unreachable'
  })
  return server
}

async function run(
  name: string,
  options: ScopeOptions & { revision: ProtocolRevision },
): Promise<{ result: Record<string, unknown>; requests: { method: string }[] }> {
  const fake = fakeScope(options)
  const result = await registry().dispatch('tools/call', { name }, fake.scope)
  return {
    result: expectValidResult(options.revision, 'tools/call', result),
    requests: fake.requests,
  }
}

function text(result: Record<string, unknown>): string {
  return (result.content as { text: string }[])[0]?.text ?? ''
}

describe('legacy server-to-client requests', () => {
  test('elicitation goes through channel.request with the request’s signal and timeout', async () => {
    let options: ChannelRequestOptions | undefined
    const fake = fakeScope({ revision: '2025-06-18', respond: () => ACCEPT })
    const scope = {
      ...fake.scope,
      channel: {
        ...fake.scope.channel,
        request: (
          method: string,
          params: Readonly<Record<string, unknown>>,
          given?: ChannelRequestOptions,
        ) => {
          options = given
          return fake.scope.channel.request?.(method, params) ?? Promise.resolve(undefined)
        },
      },
    }
    const result = await registry().dispatch('tools/call', { name: 'elicit' }, scope)
    expect(text(result)).toBe(JSON.stringify(ACCEPT))
    expect(fake.requests).toEqual([{ method: 'elicitation/create', params: ELICIT_NAME }])
    expect(options).toEqual({ signal: fake.scope.signal, timeoutMs: 5000 })
  })

  test.each(['2024-11-05', '2025-11-25'] as const)('sampling and roots at %s', async (revision) => {
    const respond = (method: string) =>
      method === 'roots/list' ? { roots: [{ uri: 'file:///r' }] } : SAMPLED
    const sample = await run('sample', { revision, respond })
    expect(text(sample.result)).toBe('{"type":"text","text":"Paris"}')
    const roots = await run('roots', { revision, respond })
    expect(text(roots.result)).toBe('{"roots":[{"uri":"file:///r"}]}')
    expect(roots.requests).toEqual([{ method: 'roots/list', params: {} }])
  })

  test('an undeclared capability is a tool error and nothing is sent', async () => {
    const { result, requests } = await run('sample', {
      revision: '2025-11-25',
      clientCapabilities: { elicitation: {} },
      respond: () => SAMPLED,
    })
    expect(result.isError).toBe(true)
    expect(text(result)).toMatch(/did not declare the capability.*sampling/)
    expect(requests).toEqual([])
  })

  test('elicitation before 2025-06-18 is a tool error', async () => {
    const { result, requests } = await run('elicit', {
      revision: '2025-03-26',
      respond: () => ACCEPT,
    })
    expect(text(result)).toMatch(/does not exist in protocol revision 2025-03-26/)
    expect(requests).toEqual([])
  })

  test('a transport without server-to-client requests gives a tool error', async () => {
    const { result } = await run('elicit', { revision: '2025-11-25' })
    expect(text(result)).toMatch(/cannot send elicitation\/create/)
  })

  test('invalid request params and invalid answers are tool errors', async () => {
    const badParams = await run('bad-elicit', { revision: '2025-11-25', respond: () => ACCEPT })
    expect(text(badParams.result)).toMatch(/Invalid elicitation\/create params.*message/)
    expect(badParams.requests).toEqual([])
    const badAnswer = await run('elicit', {
      revision: '2025-11-25',
      respond: () => ({ action: 'maybe' }),
    })
    expect(text(badAnswer.result)).toMatch(/invalid result/)
  })

  test('the client’s error response is a tool error, not the call’s JSON-RPC error', async () => {
    const { result } = await run('elicit', {
      revision: '2025-11-25',
      respond: () => {
        throw ProtocolError.invalidRequest('user declined')
      },
    })
    expect(result.isError).toBe(true)
    expect(text(result)).toMatch(/answered elicitation\/create with error -32600: user declined/)
  })

  test('elicitation schemas with defaults and every enum form pass (SEP-1034, SEP-1330)', async () => {
    const server = new ServerRegistry({ name: 'enums', version: '1' })
    const requestedSchema = {
      type: 'object',
      properties: {
        name: { type: 'string', default: 'John Doe' },
        age: { type: 'integer', default: 30 },
        score: { type: 'number', default: 95.5 },
        status: { type: 'string', enum: ['active', 'inactive', 'pending'], default: 'active' },
        verified: { type: 'boolean', default: true },
        titledSingle: { type: 'string', oneOf: [{ const: 'value1', title: 'First Option' }] },
        legacyEnum: {
          type: 'string',
          enum: ['opt1', 'opt2'],
          enumNames: ['Option One', 'Option Two'],
        },
        untitledMulti: { type: 'array', items: { type: 'string', enum: ['option1', 'option2'] } },
        titledMulti: {
          type: 'array',
          items: { anyOf: [{ const: 'value1', title: 'First Choice' }] },
        },
      },
    }
    server.tool('test_elicitation_sep1330_enums', async (_args, ctx) => {
      const answer = await ctx.elicit({ message: 'Pick', requestedSchema })
      return `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content)}`
    })
    const content = { status: 'inactive', untitledMulti: ['option1'], score: 88.5 }
    const fake = fakeScope({
      revision: '2025-11-25',
      respond: () => ({ action: 'accept', content }),
    })
    const result = await server.dispatch(
      'tools/call',
      { name: 'test_elicitation_sep1330_enums' },
      fake.scope,
    )
    expect(text(result)).toBe(
      `Elicitation completed: action=accept, content=${JSON.stringify(content)}`,
    )
    expect(fake.requests).toHaveLength(1)
  })
})
