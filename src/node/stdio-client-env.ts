/**
 * The environment a spawned stdio server gets. By default only a small set of harmless variables is
 * inherited (enough to find executables and a home directory), so API keys and tokens in the client's
 * environment do not leak into every server it starts.
 */
import process from 'node:process'

/** Which of the client's environment variables a spawned server inherits. */
export type InheritEnv = 'safe' | 'all' | 'none'

/** Variables inherited under `'safe'`: what shells and runtimes need to start. */
export const SAFE_ENV_VARS: readonly string[] = [
  'HOME',
  'LANG',
  'LC_ALL',
  'LOGNAME',
  'PATH',
  'SHELL',
  'TERM',
  'TMPDIR',
  'USER',
  // Windows
  'APPDATA',
  'COMSPEC',
  'HOMEDRIVE',
  'HOMEPATH',
  'LOCALAPPDATA',
  'PATHEXT',
  'PROCESSOR_ARCHITECTURE',
  'PROGRAMFILES',
  'SYSTEMDRIVE',
  'SYSTEMROOT',
  'TEMP',
  'TMP',
  'USERNAME',
  'USERPROFILE',
  'WINDIR',
]

/**
 * Builds the child's environment: the inherited part, then `overrides` (an `undefined` value removes
 * a variable). Values that start with `()` are skipped when inheriting: they are exported shell
 * functions, a known injection vector.
 */
export function childEnvironment(
  inherit: InheritEnv,
  overrides: Readonly<Record<string, string | undefined>> = {},
): Record<string, string> {
  const env: Record<string, string> = {}
  const names =
    inherit === 'all' ? Object.keys(process.env) : inherit === 'safe' ? SAFE_ENV_VARS : []
  for (const name of names) {
    const value = process.env[name]
    if (value !== undefined && !value.startsWith('()')) env[name] = value
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return env
}
