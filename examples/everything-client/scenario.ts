// The shape of one scenario of the client fixture.
import type { ScenarioContext } from './connect.ts'

/**
 * Drives one conformance scenario against the mock server at `url`. Resolving means the client did
 * its part (exit 0); the suite's own checks decide whether it did it right.
 */
export type Scenario = (url: string, context: ScenarioContext) => Promise<void>
