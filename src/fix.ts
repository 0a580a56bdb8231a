/**
 * The fix engine: turns findings into edits, applies them by offset, and
 * writes a unified diff. Rules never apply fixes themselves.
 *
 * Guarantees:
 * - only the bytes inside an applied finding change (CRLF, BOM, tabs,
 *   trailing spaces and non-BMP characters elsewhere are kept as they are);
 * - overlapping or touching edits never both apply: the one that starts
 *   first wins (at the same start the longer span, then the rule id, then
 *   report order), the other is returned in `skipped`;
 * - an edit whose `actual` no longer matches the text is skipped, so a stale
 *   position can never damage the text;
 * - the patch applies to the original with `patch`, `git apply` or the `diff`
 *   package's `applyPatch` and gives exactly `fixed`.
 */
import {createTwoFilesPatch} from 'diff'
import {patchFromEdits} from './patch.js'
import type {VFileMessage} from 'vfile-message'

export interface Edit {
  start: number
  end: number
  replacement: string
  ruleId: string
  message: VFileMessage
}

export interface SkippedEdit extends Edit {
  why: 'overlap' | 'stale'
}

export interface FixResult {
  /** The text with every applied fix (built when first read). */
  readonly fixed: string
  /** Unified diff from the text to `fixed`, '' when nothing is fixed (built when first read). */
  readonly patch: string
  applied: Edit[]
  skipped: SkippedEdit[]
}

export interface FixOptions {
  /** File name written in the diff header (`a/<name>`, `b/<name>`). */
  fileName?: string | undefined
}

/** The proposed fixes among `messages`: those marked `fix` with offsets. */
export function editsFrom(messages: readonly VFileMessage[]): Edit[] {
  const edits: Edit[] = []

  for (const message of messages) {
    const replacement = message.expected?.[0]
    const start = message.place && 'start' in message.place
      ? message.place.start.offset
      : undefined
    const end = message.place && 'end' in message.place
      ? message.place.end.offset
      : undefined

    if (
      (message as {fix?: unknown}).fix !== true ||
      replacement === undefined ||
      start === undefined ||
      end === undefined ||
      end < start
    ) {
      continue
    }

    edits.push({start, end, replacement, ruleId: message.ruleId ?? '', message})
  }

  return edits
}

/** Apply the proposed fixes in `messages` to `text`. */
export function applyFixes(
  text: string,
  messages: readonly VFileMessage[],
  options: FixOptions = {}
): FixResult {
  const order = editsFrom(messages)
    .map((edit, index) => ({edit, index}))
    .sort(
      (a, b) =>
        a.edit.start - b.edit.start ||
        b.edit.end - a.edit.end ||
        compare(a.edit.ruleId, b.edit.ruleId) ||
        a.index - b.index
    )

  const applied: Edit[] = []
  const skipped: SkippedEdit[] = []
  let lastEnd = -1

  for (const {edit} of order) {
    const actual = text.slice(edit.start, edit.end)

    if (edit.message.actual !== undefined && edit.message.actual !== actual) {
      skipped.push({...edit, why: 'stale'})
      continue
    }

    // A no-op proposes nothing; dropping it keeps reruns quiet.
    if (actual === edit.replacement) continue

    if (edit.start <= lastEnd) {
      skipped.push({...edit, why: 'overlap'})
      continue
    }

    lastEnd = edit.end
    applied.push(edit)
  }

  // `fixed` and `patch` are each about as large as the text: built when
  // first read, so a run that only reports (or only prints the diff) does
  // not hold both beside the text.
  let fixed: string | undefined
  let patch: string | undefined
  const {fileName} = options
  return {
    applied,
    skipped,
    get fixed() {
      fixed ??= applyEdits(text, applied)
      return fixed
    },
    get patch() {
      patch ??= patchFromEdits(text, applied, fileName)
      return patch
    }
  }
}

/** `text` with `edits` (sorted, not overlapping) applied. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const parts: string[] = []
  let cursor = 0
  for (const edit of edits) {
    parts.push(text.slice(cursor, edit.start), edit.replacement)
    cursor = edit.end
  }

  parts.push(text.slice(cursor))
  return parts.join('')
}

/**
 * A unified diff from `before` to `after`, or '' when they are equal: a
 * general line diff (O(N·D)), for texts whose edits are not known.
 */
export function makePatch(
  before: string,
  after: string,
  fileName = 'text'
): string {
  if (before === after) return ''
  return createTwoFilesPatch(
    'a/' + fileName,
    'b/' + fileName,
    before,
    after,
    undefined,
    undefined,
    {context: 3}
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
