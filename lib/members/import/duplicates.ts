/** For each line whose key another line also has, the other lines (keys compared as given). */
export function duplicateLines(entries: readonly { line: number; key: string }[]): Map<number, number[]> {
  const linesByKey = new Map<string, number[]>();
  for (const { line, key } of entries) {
    if (key === '') continue;
    const lines = linesByKey.get(key);
    if (lines) lines.push(line);
    else linesByKey.set(key, [line]);
  }
  const result = new Map<number, number[]>();
  for (const lines of linesByKey.values()) {
    if (lines.length < 2) continue;
    for (const line of lines) result.set(line, lines.filter((other) => other !== line));
  }
  return result;
}
