/**
 * The candidate a misspelt `name` most likely meant, or `undefined` when none is plausible. Case is
 * ignored. A candidate qualifies when it is a few edits away (at most a third of the name's length,
 * never more than 6), or when it contains every word of the name (`TIMEOUT_MS` →
 * `REQUEST_TIMEOUT_MS`, `ttlMs` → `eventTtlMs`); the fewest edits win.
 *
 * @internal
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(6, Math.max(2, Math.ceil(name.length / 3)))
  const nameWords = words(name)
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    const candidateWords = new Set(words(candidate))
    const plausible =
      distance <= limit ||
      (nameWords.length > 0 && nameWords.every((word) => candidateWords.has(word)))
    if (plausible && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** `REQUEST_TIMEOUT_MS` and `requestTimeoutMs` both → `['request', 'timeout', 'ms']`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
}

/** Levenshtein distance with one rolling row. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
