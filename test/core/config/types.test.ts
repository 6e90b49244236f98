import { describe, expect, expectTypeOf, test } from 'vitest'
import type { clientOptions } from '../../../src/core/config/client-config.ts'
import type { configOptions } from '../../../src/core/config/config.ts'
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
import type { interceptorOptions } from '../../../src/core/config/interceptor-config.ts'
import type { InputOf, OutputOf } from '../../../src/core/config/option-specs.ts'
import type { poolOptions } from '../../../src/core/config/pool-config.ts'
import type { serverOptions } from '../../../src/core/config/server-config.ts'
import type { sessionOptions } from '../../../src/core/config/session-config.ts'

// The public interfaces are written out by hand for readable .d.ts files; these checks keep them
// identical to what the option tables accept and produce (readonly aside). `tsc` enforces them.
type DeepMutable<T> = T extends readonly (infer TItem)[]
  ? DeepMutable<TItem>[]
  : T extends object
    ? { -readonly [TKey in keyof T]: DeepMutable<T[TKey]> }
    : T

describe('interfaces match the option tables', () => {
  test("resolved types equal the tables' outputs", () => {
    expectTypeOf<DeepMutable<ServerConfig>>().toEqualTypeOf<OutputOf<typeof serverOptions>>()
    expectTypeOf<DeepMutable<ClientConfig>>().toEqualTypeOf<OutputOf<typeof clientOptions>>()
    expectTypeOf<DeepMutable<SessionConfig>>().toEqualTypeOf<OutputOf<typeof sessionOptions>>()
    expectTypeOf<DeepMutable<InterceptorConfig>>().toEqualTypeOf<
      OutputOf<typeof interceptorOptions>
    >()
    expectTypeOf<DeepMutable<PoolConfig>>().toEqualTypeOf<OutputOf<typeof poolOptions>>()
    expectTypeOf<DeepMutable<Config>>().toEqualTypeOf<OutputOf<typeof configOptions>>()
  })

  test("input types equal the tables' inputs", () => {
    expectTypeOf<DeepMutable<ServerConfigInput>>().toEqualTypeOf<InputOf<typeof serverOptions>>()
    expectTypeOf<DeepMutable<ClientConfigInput>>().toEqualTypeOf<InputOf<typeof clientOptions>>()
    expectTypeOf<DeepMutable<SessionConfigInput>>().toEqualTypeOf<InputOf<typeof sessionOptions>>()
    expectTypeOf<DeepMutable<InterceptorConfigInput>>().toEqualTypeOf<
      InputOf<typeof interceptorOptions>
    >()
    expectTypeOf<DeepMutable<PoolConfigInput>>().toEqualTypeOf<InputOf<typeof poolOptions>>()
    expectTypeOf<DeepMutable<ConfigInput>>().toEqualTypeOf<InputOf<typeof configOptions>>()
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
