/**
 * RFC 6570 URI templates, levels 1 and 2: `{var}` (simple), `{+var}` (reserved) and `{#var}`
 * (fragment). Resource templates are matched against the URIs clients read, so a template compiles
 * once into an anchored regular expression.
 */
import { ConfigError } from '../../core/errors/config-error.ts'

type Operator = '' | '+' | '#'

interface Expression {
  readonly operator: Operator
  readonly name: string
}

const EXPRESSION = /\{([^{}]*)\}/g
const VARIABLE_NAME = /^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*$/
const UNRESERVED = /[A-Za-z0-9\-._~]/

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function parseExpression(body: string, template: string): Expression {
  const operator = body[0] === '+' || body[0] === '#' ? body[0] : ''
  const name = body.slice(operator.length)
  if (!VARIABLE_NAME.test(name)) {
    throw new ConfigError({
      option: 'resourceTemplate.uriTemplate',
      value: template,
      message: `URI template ${JSON.stringify(template)}: "{${body}}" is not a level 1 or 2 expression (supported: {var}, {+var}, {#var})`,
    })
  }
  return { operator, name }
}

/** The regular expression fragment that matches one expanded expression. */
function patternOf(expression: Expression): string {
  if (expression.operator === '') return '([^/?#]+)'
  if (expression.operator === '+') return '(.+?)'
  return '#(.+)'
}

/** Percent-encodes what the operator does not allow through. */
function encodeValue(value: string, operator: Operator): string {
  let out = ''
  for (const char of value) {
    if (UNRESERVED.test(char)) out += char
    else if (operator !== '' && /[:/?#[\]@!$&'()*+,;=%]/.test(char)) out += char
    else out += encodeURIComponent(char)
  }
  return out
}

/**
 * A parsed URI template.
 *
 * @example
 * const template = new UriTemplate('test://template/{id}/data')
 * template.match('test://template/123/data') // { id: '123' }
 * template.expand({ id: '7' }) // 'test://template/7/data'
 */
export class UriTemplate {
  /** The template as written. */
  readonly template: string
  /** The variable names, in order. */
  readonly variables: readonly string[]
  readonly #pattern: RegExp
  readonly #parts: readonly (string | Expression)[]

  constructor(template: string) {
    this.template = template
    const parts: (string | Expression)[] = []
    let pattern = '^'
    let last = 0
    for (const match of template.matchAll(EXPRESSION)) {
      const literal = template.slice(last, match.index)
      const expression = parseExpression(match[1] ?? '', template)
      parts.push(literal, expression)
      pattern += escapeRegExp(literal) + patternOf(expression)
      last = match.index + match[0].length
    }
    const tail = template.slice(last)
    if (/[{}]/.test(tail) || parts.some((part) => typeof part === 'string' && /[{}]/.test(part))) {
      throw new ConfigError({
        option: 'resourceTemplate.uriTemplate',
        value: template,
        message: `URI template ${JSON.stringify(template)} has an unbalanced brace`,
      })
    }
    parts.push(tail)
    this.#parts = parts
    this.#pattern = new RegExp(`${pattern}${escapeRegExp(tail)}$`)
    this.variables = parts.filter((part) => typeof part !== 'string').map((part) => part.name)
  }

  /** The variables of `uri` when it matches the template (values percent-decoded), else `undefined`. */
  match(uri: string): Record<string, string> | undefined {
    const found = this.#pattern.exec(uri)
    if (found === null) return undefined
    const variables: Record<string, string> = {}
    this.variables.forEach((name, index) => {
      variables[name] = decode(found[index + 1] ?? '')
    })
    return variables
  }

  /** Expands the template; a missing variable expands to nothing (and drops a `#` prefix). */
  expand(variables: Readonly<Record<string, string>>): string {
    let out = ''
    for (const part of this.#parts) {
      if (typeof part === 'string') {
        out += part
        continue
      }
      const value = variables[part.name]
      if (value === undefined) continue
      out += (part.operator === '#' ? '#' : '') + encodeValue(value, part.operator)
    }
    return out
  }
}
