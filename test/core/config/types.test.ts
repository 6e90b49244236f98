import { describe, expect, expectTypeOf, test } from 'vitest'
import type * as z from 'zod/mini'
import type { clientConfigSchema } from '../../../src/core/config/client-config.ts'
import type { configSchema } from '../../../src/core/config/config.ts'
import {
  type ClientConfig,
  type ClientConfigInput,
  type Config,
  type ConfigInput,
  createConfig,
  type InterceptorConfig,
  type InterceptorConfigInput,
  type PoolConfig,
  type PoolConfigInput,
  type ServerConfig,
  type ServerConfigInput,
  type SessionConfig,
  type SessionConfigInput,
  withEnvOverrides,
} from '../../../src/core/config/index.ts'
import type { interceptorConfigSchema } from '../../../src/core/config/interceptor-config.ts'
import type { poolConfigSchema } from '../../../src/core/config/pool-config.ts'
import type { serverConfigSchema } from '../../../src/core/config/server-config.ts'
import type { sessionConfigSchema } from '../../../src/core/config/session-config.ts'

// The public interfaces are written out by hand for readable .d.ts files; these checks keep them
// identical to what the zod schemas accept and produce (readonly aside). `tsc` enforces them.
type DeepMutable<T> = T extends readonly (infer TItem)[]
  ? DeepMutable<TItem>[]
  : T extends object
    ? { -readonly [TKey in keyof T]: DeepMutable<T[TKey]> }
    : T

describe('interfaces match the schemas', () => {
  test('resolved types equal the schema outputs', () => {
    expectTypeOf<DeepMutable<ServerConfig>>().toEqualTypeOf<z.output<typeof serverConfigSchema>>()
    expectTypeOf<DeepMutable<ClientConfig>>().toEqualTypeOf<z.output<typeof clientConfigSchema>>()
    expectTypeOf<DeepMutable<SessionConfig>>().toEqualTypeOf<z.output<typeof sessionConfigSchema>>()
    expectTypeOf<DeepMutable<InterceptorConfig>>().toEqualTypeOf<
      z.output<typeof interceptorConfigSchema>
    >()
    expectTypeOf<DeepMutable<PoolConfig>>().toEqualTypeOf<z.output<typeof poolConfigSchema>>()
    expectTypeOf<DeepMutable<Config>>().toEqualTypeOf<z.output<typeof configSchema>>()
  })

  test('input types equal the schema inputs', () => {
    expectTypeOf<DeepMutable<ServerConfigInput>>().toEqualTypeOf<
      z.input<typeof serverConfigSchema>
    >()
    expectTypeOf<DeepMutable<ClientConfigInput>>().toEqualTypeOf<
      z.input<typeof clientConfigSchema>
    >()
    expectTypeOf<DeepMutable<SessionConfigInput>>().toEqualTypeOf<
      z.input<typeof sessionConfigSchema>
    >()
    expectTypeOf<DeepMutable<InterceptorConfigInput>>().toEqualTypeOf<
      z.input<typeof interceptorConfigSchema>
    >()
    expectTypeOf<DeepMutable<PoolConfigInput>>().toEqualTypeOf<z.input<typeof poolConfigSchema>>()
    expectTypeOf<DeepMutable<ConfigInput>>().toEqualTypeOf<z.input<typeof configSchema>>()
  })

  test('a resolved Config is a valid ConfigInput, for layering', () => {
    expectTypeOf<Config>().toExtend<ConfigInput>()
    expectTypeOf(createConfig).returns.toEqualTypeOf<Config>()
    expectTypeOf(withEnvOverrides).parameter(0).toExtend<ConfigInput>()
  })

  test('resolved configs are read-only', () => {
    const assign = () => {
      // @ts-expect-error sections are readonly
      createConfig().server.maxClients = 1
    }
    expect(assign).toThrow(TypeError)
    expectTypeOf<Config['server']['allowedHosts']>().toEqualTypeOf<readonly string[] | undefined>()
  })
})
