/** LIKE pattern for "starts with", with the wildcards in the user's text taken literally. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** LIKE pattern over reverse(text) for "ends with" (Postgres reverse() turns characters around, as this does). */
export function suffixPattern(suffix: string): string {
  return prefixPattern([...suffix].reverse().join(""));
}
