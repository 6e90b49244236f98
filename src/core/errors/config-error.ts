import { McpkitError, type McpkitErrorOptions } from './base.ts'
import { ErrorCode } from './codes.ts'

/** What {@link ConfigError} is built from. */
export interface ConfigErrorInit extends McpkitErrorOptions {
  /** Dotted path of the option, e.g. `server.maxClients`, or the environment variable name. */
  readonly option: string
  /** The value that was refused. */
  readonly value: unknown
  /** The full message; it names the option and the value. */
  readonly message: string
}

/** A configuration option was refused when the configuration was created. */
export class ConfigError extends McpkitError {
  override readonly name = 'ConfigError' as const
  declare readonly option: string
  declare readonly value: unknown

  constructor(init: ConfigErrorInit) {
    super(ErrorCode.ConfigInvalid, init.message, init)
    this.option = init.option
    this.value = init.value
  }
}

/**
 * The {@link ConfigError} for an option whose value is not what it must be, with the message every
 * option check uses: "The \`option\` option must be <expected>, got <value>".
 *
 * @example
 * throw optionError('maxMessageBytes', -1, 'a positive integer')
 * @internal
 */
export function optionError(option: string, value: unknown, expected: string): ConfigError {
  const message = `The \`${option}\` option must be ${expected}, got ${String(value)}`
  return new ConfigError({ option, value, message })
}
