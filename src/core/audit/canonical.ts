/**
 * RFC 8785 JSON Canonicalization Scheme for the values an audit entry holds (strings, finite numbers, booleans,
 * null, arrays, plain objects): object keys sorted by UTF-16 code units, no whitespace, ECMAScript number and
 * string serialisation — which is what JSON.stringify does for the scalars.
 */
export type CanonicalValue = string | number | boolean | null | CanonicalValue[] | { [key: string]: CanonicalValue | undefined };

export function canonicalize(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('JCS cannot represent a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalize(value[key] as CanonicalValue)}`).join(',')}}`;
}
