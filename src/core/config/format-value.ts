const MAX_SHOWN = 80

/**
 * Renders a refused value for an error message: strings quoted, numbers as written (`NaN`, `-3`),
 * objects as JSON, all cut to a readable length.
 *
 * @internal
 */
export function formatValue(value: unknown): string {
  const text = describe(value)
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
}

function describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'bigint':
      return `${value}n`
    case 'function':
      return 'a function'
    case 'object':
      if (value === null) return 'null'
      try {
        return JSON.stringify(value) ?? tagOf(value)
      } catch {
        // Cycles and bigints cannot be JSON.
        return tagOf(value)
      }
    default:
      return String(value)
  }
}

/** `[object Map]` and the like. */
const tagOf = (value: object): string => Object.prototype.toString.call(value)
