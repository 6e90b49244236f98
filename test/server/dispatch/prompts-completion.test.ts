import { describe, expect, test } from 'vitest'
import { JsonRpcErrorCode } from '../../../src/core/errors/codes.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'
import { ALL, call, expectValidResult, MODERN, protocolError } from './harness.ts'
import { sampleServer } from './sample-server.ts'

describe('prompts', () => {
  test.each(ALL)('prompts/list and prompts/get at %s', async (revision) => {
    const server = sampleServer()
    const list = expectValidResult(
      revision,
      'prompts/list',
      await call(server, { method: 'prompts/list', revision }),
    )
    const prompts = list.prompts as Record<string, unknown>[]
    expect(prompts.map((p) => p.name)).toEqual(['test_simple_prompt', 'test_prompt_with_arguments'])
    const withTitle = revision >= '2025-06-18'
    expect(prompts[1]?.arguments).toEqual([
      { name: 'arg1', ...(withTitle ? { title: 'First' } : {}), required: true },
      { name: 'arg2', required: true },
    ])
    const params = { name: 'test_prompt_with_arguments', arguments: { arg1: 'x', arg2: 'y' } }
    const got = expectValidResult(
      revision,
      'prompts/get',
      await call(server, { method: 'prompts/get', params, revision }),
    )
    expect(got).toMatchObject({
      description: 'Prompt with arguments',
      messages: [
        {
          role: 'user',
          content: { type: 'text', text: "Prompt with arguments: arg1='x', arg2='y'" },
        },
      ],
    })
  })

  test('a missing required argument and an unknown prompt are -32602', async () => {
    const server = sampleServer()
    const missing = await protocolError(
      call(server, {
        method: 'prompts/get',
        params: { name: 'test_prompt_with_arguments', arguments: { arg1: 'x' } },
      }),
    )
    expect(missing).toMatchObject({ code: JsonRpcErrorCode.InvalidParams })
    expect(missing.message).toMatch(/arg2/)
    const unknown = await protocolError(
      call(server, { method: 'prompts/get', params: { name: 'nope' } }),
    )
    expect(unknown).toMatchObject({
      code: JsonRpcErrorCode.InvalidParams,
      message: 'Unknown prompt: nope',
    })
  })

  test('handler failures: -32603 for crashes and invalid messages', async () => {
    const server = new ServerRegistry({ name: 'p', version: '1' })
    server.prompt('crash', {}, () => {
      throw new Error('boom')
    })
    server.prompt('bad', {}, () => [{ role: 'robot', content: 'hi' } as never])
    for (const name of ['crash', 'bad']) {
      const error = await protocolError(call(server, { method: 'prompts/get', params: { name } }))
      expect(error.code).toBe(JsonRpcErrorCode.InternalError)
    }
  })
})

describe('completion/complete', () => {
  async function complete(
    server: ServerRegistry,
    params: Record<string, unknown>,
    revision = MODERN,
  ) {
    const result = await call(server, { method: 'completion/complete', params, revision })
    return expectValidResult(revision, 'completion/complete', result).completion as Record<
      string,
      unknown
    >
  }

  test('prompt arguments and template variables use their completers', async () => {
    const server = sampleServer()
    const prompt = await complete(server, {
      ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
      argument: { name: 'arg1', value: 'par' },
    })
    expect(prompt).toEqual({ values: ['paris', 'park'] })
    const template = await complete(server, {
      ref: { type: 'ref/resource', uri: 'test://template/{id}/data' },
      argument: { name: 'id', value: '12' },
    })
    expect(template).toEqual({ values: ['123', '124'] })
  })

  test('completers see the already resolved arguments', async () => {
    const server = new ServerRegistry({ name: 'c', version: '1' })
    server.prompt(
      'trip',
      {
        arguments: [
          { name: 'country' },
          {
            name: 'city',
            complete: (value, { arguments: args }) => [`${args.country ?? '?'}:${value}`],
          },
        ],
      },
      () => [],
    )
    const result = await complete(server, {
      ref: { type: 'ref/prompt', name: 'trip' },
      argument: { name: 'city', value: 'Li' },
      context: { arguments: { country: 'PT' } },
    })
    expect(result).toEqual({ values: ['PT:Li'] })
  })

  test('a known item without a completer completes to nothing; an unknown one is -32602', async () => {
    const server = sampleServer()
    const none = await complete(server, {
      ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
      argument: { name: 'arg2', value: '' },
    })
    expect(none).toEqual({ values: [] })
    const error = await protocolError(
      call(server, {
        method: 'completion/complete',
        params: { ref: { type: 'ref/prompt', name: 'nope' }, argument: { name: 'a', value: '' } },
      }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
  })

  test('the fallback handler covers everything else; values are capped at 100', async () => {
    const server = new ServerRegistry({ name: 'c', version: '1' })
    expect(server.hasMethod('completion/complete', MODERN)).toBe(false)
    const remove = server.completion((request) =>
      Array.from({ length: 150 }, (_, i) => `${request.argument.value}${i}`),
    )
    expect(server.hasMethod('completion/complete', MODERN)).toBe(true)
    const result = await complete(server, {
      ref: { type: 'ref/resource', uri: 'any://thing' },
      argument: { name: 'x', value: 'v' },
    })
    expect((result.values as string[]).length).toBe(100)
    expect(result).toMatchObject({ total: 150, hasMore: true })
    remove()
    expect(server.hasMethod('completion/complete', MODERN)).toBe(false)
  })

  test('completion works in 2024-11-05, before the completions capability existed', async () => {
    const server = sampleServer()
    expect(server.describe('2024-11-05').capabilities).not.toHaveProperty('completions')
    const result = await complete(
      server,
      {
        ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' },
        argument: { name: 'arg1', value: 'pas' },
      },
      '2024-11-05',
    )
    expect(result).toEqual({ values: ['pasta'] })
  })

  test('a completer returning non-strings is -32603', async () => {
    const server = new ServerRegistry({ name: 'c', version: '1' })
    server.completion(() => [1, 2] as never)
    const error = await protocolError(
      call(server, {
        method: 'completion/complete',
        params: { ref: { type: 'ref/prompt', name: 'p' }, argument: { name: 'a', value: '' } },
      }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.InternalError)
  })
})
