/**
 * @module
 * Typed events: the tiny {@link Subscribable} and the events the JSON-RPC engine emits.
 */
export type {
  DropReason,
  EngineEvent,
  EngineEventType,
  InvalidReason,
  RequestDirection,
  RequestOutcome,
} from './engine-events.ts'
export {
  type Listener,
  type ReadonlySubscribable,
  Subscribable,
  type SubscribableOptions,
} from './subscribable.ts'
