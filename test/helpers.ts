/** What rule tests share: run one rule alone and keep its findings. */
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {check} from '../src/api.js'
import {parseDocument} from '../src/parse.js'
import {onlyRules} from '../src/preset.js'
import type {MtlintMessage, PhasedRule} from '../src/rule-kit.js'

/** Options that turn on `ruleId` alone. */
export function onlyRule(ruleId: string) {
  return {rules: onlyRules([ruleId])}
}

/** Lint `text` with `ruleId` alone: the result, its findings, and a summary. */
export async function findingsOf(ruleId: string, text: string) {
  const result = await check(text, onlyRule(ruleId))
  const mine = result.messages.filter((message) => message.ruleId === ruleId)
  return {result, mine, summary: mine.map((m) => [m.actual, m.expected?.[0], m.fix])}
}

/**
 * Run a phased rule's collect and check on each paragraph of `text` as a
 * separate piece, as the engine does: in turn (`inOrder`) or collecting
 * all first. Returns the file before `finish`, and `finish` itself.
 */
export function runInPieces<State>(
  phases: PhasedRule<State, undefined>,
  text: string,
  inOrder: boolean
): {file: VFile; finish: () => MtlintMessage[]} {
  const pieces: Root[] = parseDocument(text).children.map((child) => ({type: 'RootNode', children: [child]}))
  const file = new VFile(text)
  const state = phases.state(undefined)
  if (inOrder) {
    for (const piece of pieces) {
      phases.collect?.(piece, file, state)
      phases.check(piece, file, state)
    }
  } else {
    for (const piece of pieces) phases.collect?.(piece, file, state)
    for (const piece of pieces) phases.check(piece, file, state)
  }

  return {
    file,
    finish() {
      phases.finish?.(file, state)
      return file.messages as MtlintMessage[]
    }
  }
}
