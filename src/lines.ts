/**
 * Offsets to lines: the one binary search the engine, the patch writer and
 * the file formats share.
 */

/** Index of the last entry of ascending `sorted` that is ≤ `value` (0 if none). */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (sorted[middle]! <= value) low = middle
    else high = middle - 1
  }

  return low
}

/** Line starts of a text, for offset → line/column in O(log lines). */
export class LineIndex {
  readonly starts: number[] = [0]

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) === 10) this.starts.push(index + 1)
    }
  }

  point(offset: number): {line: number; column: number; offset: number} {
    const line = lastAtOrBefore(this.starts, offset)
    return {line: line + 1, column: offset - this.starts[line]! + 1, offset}
  }
}
