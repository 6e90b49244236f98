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
  readonly option: string
  readonly value: unknown

  constructor(init: ConfigErrorInit) {
    super(ErrorCode.ConfigInvalid, init.message, init)
    this.option = init.option
    this.value = init.value
  }
}
