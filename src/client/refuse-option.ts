/**
 * The one way the client's factories refuse an option value, so every message reads alike.
 *
 * @internal
 */
import { ConfigError } from '../core/errors/config-error.ts'

/**
 * Throws the `ConfigError` for an option whose value is not what it must be: "The \`option\` option
 * must be <expected>, got <value>".
 *
 * @example
 * if (typeof options.create !== 'function') refuseOption('create', options.create, 'a function')
 */
export function refuseOption(option: string, value: unknown, expected: string): never {
  throw new ConfigError({
    option,
    value,
    message: `The \`${option}\` option must be ${expected}, got ${String(value)}`,
  })
}
