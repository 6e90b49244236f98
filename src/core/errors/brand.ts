/**
 * A registry-wide symbol marks every mcpkit error, so guards keep working when an app ends up with two
 * copies of the package (two bundles, a nested node_modules): `instanceof` fails across copies, the
 * symbol does not.
 *
 * @internal
 */
export const ERROR_BRAND: unique symbol = Symbol.for('mcpkit.error') as never

/** @internal */
export function hasBrand(value: unknown, name?: string): boolean {
  if (typeof value !== 'object' || value === null) return false
  if ((value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] !== true) return false
  return name === undefined || (value as { name?: unknown }).name === name
}
