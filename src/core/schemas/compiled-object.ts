/**
 * zod/mini's loose object, parsed by zod's compiled object parser where the runtime allows code
 * generation (as zod's classic API is): one generated function per shape instead of a payload per
 * property, a few KB less garbage per message on a server. Where `eval` is refused (a strict CSP)
 * zod falls back to its plain parser by itself. Clones (`z.extend`, checks) keep the constructor.
 * Kept out of `base.ts` so that a client bundle does not carry the compiler.
 *
 * @internal
 */
import * as z from 'zod/mini'
import { $constructor, $ZodObjectJIT } from 'zod/v4/core'
import { type ObjectFactory, useObjectFactory } from './base.ts'

const miniType: { init(inst: object, def: object): void } = z.ZodMiniType

const ZodMiniCompiledObject = $constructor(
  'ZodMiniObject',
  (inst: z.ZodMiniObject, def: z.core.$ZodObjectDef) => {
    $ZodObjectJIT.init(inst, def)
    miniType.init(inst, def)
    Object.defineProperty(inst, 'shape', { get: () => def.shape, configurable: true })
  },
)

const compiledObject: ObjectFactory = (shape) =>
  new ZodMiniCompiledObject({ type: 'object', shape, catchall: z.unknown() }) as never

/** Makes object schemas built from now on compiled ones (the server calls it once). */
export function useCompiledObjects(): void {
  useObjectFactory(compiledObject)
}
