/**
 * What every mtlint rule shares: how a finding is reported, so that all
 * messages carry the same fields (`source`, `ruleId`, `place`, `actual`,
 * `expected`, `url`, `fix`).
 */
import type {Root} from 'nlcst'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {LineIndex} from './lines.js'

/** Where rule docs live; `url` of a message points at `rules/<id>/README.md`. */
export const docsBase = 'https://github.com/mtlint/mtlint/blob/main/rules/'

export const source = 'mtlint'

/** A finding as mtlint reports it: a vfile message with a `fix` flag. */
export interface MtlintMessage extends VFileMessage {
  /**
   * Whether `expected[0]` is safe to apply automatically. When false, the
   * `expected` entries (if any) are suggestions for a person to choose from.
   */
  fix: boolean
}

export interface Finding {
  ruleId: string
  reason: string
  /** Offsets into the document (UTF-16, end exclusive). */
  start: number
  end: number
  /** Replacements; the first is the proposed fix when `fix` is true. */
  expected?: string[] | undefined
  /** Whether `expected[0]` is sure enough to apply without asking. */
  fix?: boolean | undefined
  /** A note for the person reading the report. */
  note?: string | undefined
}

/**
 * Report a finding on `file` at document offsets.
 * Line/column are computed from the offsets, so a rule only deals in offsets.
 */
export function report(file: VFile, finding: Finding): MtlintMessage {
  const text = String(file)
  const place = {
    start: pointAt(file, text, finding.start),
    end: pointAt(file, text, finding.end)
  }
  const message = file.message(finding.reason, {
    place,
    ruleId: finding.ruleId,
    source
  }) as MtlintMessage
  message.actual = text.slice(finding.start, finding.end)
  message.expected = finding.expected ?? []
  message.url = docsBase + finding.ruleId + '/README.md'
  message.fix = Boolean(finding.fix && message.expected.length > 0)
  if (finding.note) message.note = finding.note
  return message
}

/** Start and end offsets of a node, or undefined when it has no position. */
export function offsets(node: Node): {start: number; end: number} | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

/** Document offsets of the paragraphs of a tree (or of a piece of one). */
export function paragraphSpans(tree: Root): Array<{start: number; end: number}> {
  const spans: Array<{start: number; end: number}> = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    const span = offsets(paragraph)
    if (span) spans.push(span)
  }

  return spans
}

// Line starts are computed once per file text and cached on the file, so
// reporting is O(log lines) per message rather than O(document).
const lineCache = new WeakMap<VFile, {text: string; lines: LineIndex}>()

function pointAt(
  file: VFile,
  text: string,
  offset: number
): {line: number; column: number; offset: number} {
  let cached = lineCache.get(file)
  if (!cached || cached.text !== text) {
    cached = {text, lines: new LineIndex(text)}
    lineCache.set(file, cached)
  }

  return cached.lines.point(offset)
}

/**
 * A rule that needs facts from the whole document (a name used elsewhere,
 * the majority spelling) is written in phases, so that the engine can run it
 * on a long document piece by piece in flat memory:
 *
 * 1. `state(options)` makes fresh per-document state;
 * 2. `collect(tree, file, state)` gathers facts from one piece;
 * 3. `check(tree, file, state)` reports findings in one piece;
 * 4. `finish(file, state)` (optional) reports what could only be decided
 *    once the whole document was seen (keep such candidates small: offsets
 *    and strings, never tree nodes).
 *
 * By default every piece is collected before any piece is checked, which
 * costs a second parse of a long document. A rule whose `check` only needs
 * facts from the pieces up to the current one (later facts go through
 * `finish`) sets `inOrder: true`; when every such rule does, the engine
 * collects and checks each piece in one pass.
 *
 * `definePhasedRule` turns it into an ordinary retext plugin (which runs the
 * phases on the whole tree it is given), so it still works in any unified
 * pipeline.
 */
export interface PhasedRule<State, Options> {
  state: (options: Options | undefined) => State
  collect?: (tree: Root, file: VFile, state: State) => void
  check: (tree: Root, file: VFile, state: State) => void
  finish?: (file: VFile, state: State) => void
  inOrder?: boolean
}

export type PhasedPlugin<State, Options> = ((options?: Options) => (tree: Root, file: VFile) => void) & {
  phases: PhasedRule<State, Options>
}

export function definePhasedRule<State, Options = undefined>(
  phases: PhasedRule<State, Options>
): PhasedPlugin<State, Options> {
  const plugin = function (options?: Options) {
    return function (tree: Root, file: VFile) {
      const state = phases.state(options)
      phases.collect?.(tree, file, state)
      phases.check(tree, file, state)
      phases.finish?.(file, state)
    }
  }

  return Object.assign(plugin, {phases})
}
