/**
 * A unified diff built straight from known edits, in time linear in the
 * text: the lines each edit touches are known, so there is nothing to
 * search for. (A general line diff is O(N·D): with thousands of fixes in a
 * long document it took seconds.) Serialised by the `diff` package's
 * `formatPatch`, so the output is the same format as `createTwoFilesPatch`:
 * it applies with `patch`, `git apply` and `applyPatch`.
 */
import {lastAtOrBefore} from './lines.js'
import {formatPatch, type StructuredPatch, type StructuredPatchHunk} from 'diff'

export interface TextEdit {
  start: number
  end: number
  replacement: string
}

const context = 3
const noNewline = '\\ No newline at end of file'

/**
 * The unified diff of applying `edits` (sorted, not overlapping) to `text`,
 * or '' when they change nothing.
 */
export function patchFromEdits(text: string, edits: readonly TextEdit[], fileName = 'text'): string {
  const lines = splitLines(text)
  const starts: number[] = []
  let offset = 0
  for (const line of lines) {
    starts.push(offset)
    offset += line.length
  }

  const blocks = changedBlocks(text, edits, starts, lines.length)
  if (blocks.length === 0) return ''

  const hunks: StructuredPatchHunk[] = []
  let delta = 0 // new line number minus old line number, after the blocks so far
  let index = 0

  while (index < blocks.length) {
    // A hunk takes blocks whose unchanged gap fits in the two contexts.
    let last = index
    while (
      last + 1 < blocks.length &&
      blocks[last + 1]!.first - blocks[last]!.last - 1 <= 2 * context
    ) {
      last++
    }

    const from = Math.max(0, blocks[index]!.first - context)
    const to = Math.min(lines.length - 1, blocks[last]!.last + context)
    const hunkLines: string[] = []
    let oldCount = 0
    let newCount = 0
    let line = from
    const newStartDelta = delta

    for (let b = index; b <= last; b++) {
      const block = blocks[b]!
      for (; line < block.first; line++) {
        pushLine(hunkLines, ' ', lines[line]!)
        oldCount++
        newCount++
      }

      for (let l = block.first; l <= block.last; l++) pushLine(hunkLines, '-', lines[l]!)
      for (const added of block.added) pushLine(hunkLines, '+', added)
      oldCount += block.last - block.first + 1
      newCount += block.added.length
      delta += block.added.length - (block.last - block.first + 1)
      line = block.last + 1
    }

    for (; line <= to; line++) {
      pushLine(hunkLines, ' ', lines[line]!)
      oldCount++
      newCount++
    }

    hunks.push({
      oldStart: from + 1,
      oldLines: oldCount,
      newStart: from + 1 + newStartDelta,
      newLines: newCount,
      lines: hunkLines
    })
    index = last + 1
  }

  const patch: StructuredPatch = {
    oldFileName: 'a/' + fileName,
    newFileName: 'b/' + fileName,
    oldHeader: undefined,
    newHeader: undefined,
    hunks
  }
  return formatPatch(patch)
}

interface Block {
  /** First and last old line (0-based, inclusive) the block replaces. */
  first: number
  last: number
  /** The new lines that replace them. */
  added: string[]
}

/** Group edits into blocks of whole old lines and their replacement lines. */
function changedBlocks(
  text: string,
  edits: readonly TextEdit[],
  starts: number[],
  lineCount: number
): Block[] {
  const blocks: Block[] = []
  let index = 0

  while (index < edits.length) {
    const first = lineOf(starts, edits[index]!.start)
    // The line holding `end` is in the block: an edit that removes a line
    // break joins it to the next line.
    let last = Math.min(lineCount - 1, lineOf(starts, edits[index]!.end))
    let next = index + 1
    while (next < edits.length && lineOf(starts, edits[next]!.start) <= last) {
      last = Math.max(last, Math.min(lineCount - 1, lineOf(starts, edits[next]!.end)))
      next++
    }

    const blockStart = starts[first]!
    const blockEnd = last + 1 < lineCount ? starts[last + 1]! : text.length
    const parts: string[] = []
    let cursor = blockStart
    for (let e = index; e < next; e++) {
      const edit = edits[e]!
      parts.push(text.slice(cursor, edit.start), edit.replacement)
      cursor = edit.end
    }

    parts.push(text.slice(cursor, blockEnd))
    const before = text.slice(blockStart, blockEnd)
    const after = parts.join('')
    if (before !== after) blocks.push({first, last, added: splitLines(after)})
    index = next
  }

  return blocks
}

/** Lines with their terminators (`\n`, so a CRLF line keeps its `\r`). */
function splitLines(text: string): string[] {
  const lines: string[] = []
  let start = 0
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      lines.push(text.slice(start, index + 1))
      start = index + 1
    }
  }

  if (start < text.length) lines.push(text.slice(start))
  return lines
}

function pushLine(out: string[], sign: string, line: string): void {
  if (line.endsWith('\n')) {
    out.push(sign + line.slice(0, -1))
  } else {
    out.push(sign + line, noNewline)
  }
}

function lineOf(starts: number[], offset: number): number {
  return lastAtOrBefore(starts, offset)
}
