/**
 * The `mtlint` preset: a retext plugin that runs every rule.
 *
 * ```js
 * unified().use(retextEnglish).use(mtlint, {rules: {'repeated-words': false}})
 * ```
 *
 * Options:
 * - `rules`: per rule id, `false` to turn it off, `true` to keep its
 *   defaults, or an options object passed to the rule;
 * - `allow`: names and words never to flag: a finding whose text contains
 *   one of them as a word (any case) is dropped.
 */
import type {Root} from 'nlcst'
import type {Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'
import {rules, type RuleDefinition} from '../rules/index.js'
import {docsBase, source, type MtlintMessage, type PhasedPlugin} from './rule-kit.js'

export type RuleSetting = boolean | Record<string, unknown>

export interface MtlintOptions {
  rules?: Record<string, RuleSetting> | undefined
  allow?: string[] | undefined
}

export class OptionsError extends Error {}

/** One rule, ready to run on one document. */
export interface DocumentRun {
  rule: RuleDefinition
  /** Gathers document-wide facts from a piece (phased rules only). */
  collect?: ((tree: Root, file: VFile) => void) | undefined
  /** Reports findings in a piece (or the whole tree). */
  check: (tree: Root, file: VFile) => void
  /** Reports what needed the whole document (phased rules only). */
  finish?: ((file: VFile) => void) | undefined
  /** Whether `check` needs only the pieces collected so far. */
  inOrder: boolean
}

export interface PreparedRules {
  /** Fresh per-document runs of every active rule. */
  begin(): DocumentRun[]
  /** Drops findings on allowed words; call once per document at the end. */
  finish(file: VFile): void
}

/**
 * Validate options and attach every active rule once; `begin()` then gives
 * fresh per-document state for each document.
 */
export function prepareRules(
  processor: Processor<any, any, any, any, any> | undefined,
  options: MtlintOptions = {}
): PreparedRules {
  validateOptions(options)
  const starters: Array<() => DocumentRun> = []

  for (const rule of rules) {
    const setting = options.rules?.[rule.id]
    if (setting === false || (setting === undefined && rule.off)) continue
    const ruleOptions = typeof setting === 'object' ? setting : undefined
    const phases = (rule.plugin as Partial<PhasedPlugin<unknown, unknown>>).phases

    if (phases) {
      starters.push(() => {
        const state = phases.state(ruleOptions)
        return {
          rule,
          collect: phases.collect
            ? (tree, file) => phases.collect!(tree, file, state)
            : undefined,
          check: (tree, file) => phases.check(tree, file, state),
          finish: phases.finish ? (file) => phases.finish!(file, state) : undefined,
          inOrder: phases.inOrder === true
        }
      })
      continue
    }

    const transform = (rule.plugin as (this: unknown, o?: unknown) => unknown).call(
      processor,
      ruleOptions
    ) as ((tree: Root, file: VFile) => unknown) | undefined
    if (!transform) continue
    const narrow = ruleOptions === undefined ? rule.external?.narrow : undefined
    starters.push(() => ({
      rule,
      inOrder: true,
      check(tree, file) {
        const before = file.messages.length
        // Every rule here is synchronous; a promise would be a bug in a rule.
        void transform(narrow ? narrow(tree) : tree, file)
        if (rule.external) relabel(file, before, rule)
      }
    }))
  }

  const allowed = new Set((options.allow ?? []).map((word) => word.toLowerCase()))

  return {
    begin: () => starters.map((start) => start()),
    finish(file) {
      if (allowed.size === 0) return
      file.messages = file.messages.filter(
        (message) => !mentionsAllowed(message.actual, allowed)
      )
    }
  }
}

/** The preset as a retext plugin: runs every rule on the whole tree. */
export default function mtlint(
  this: Processor<any, any, any, any, any>,
  options: MtlintOptions = {}
): Transformer<Root, Root> {
  const prepared = prepareRules(this, options)

  return function (tree, file) {
    const runs = prepared.begin()
    for (const run of runs) run.collect?.(tree, file)
    for (const run of runs) run.check(tree, file)
    for (const run of runs) run.finish?.(file)
    prepared.finish(file)
  }
}

/** Messages from ecosystem plugins become mtlint messages. */
function relabel(file: VFile, from: number, rule: RuleDefinition): void {
  for (let index = from; index < file.messages.length; index++) {
    const message = file.messages[index] as MtlintMessage
    message.source = source
    message.ruleId = rule.id
    message.url = docsBase + rule.id + '/README.md'
    const fix = rule.external?.fix
    message.fix = Boolean(
      message.expected?.length && (typeof fix === 'function' ? fix(message) : fix)
    )
    // The syntax-tree ancestors the plugin attached would keep each piece's
    // tree alive until the document is done (mtlint's own messages carry
    // none; `place` says where the finding is).
    message.ancestors = undefined
  }
}

function mentionsAllowed(actual: string | undefined, allowed: Set<string>): boolean {
  if (!actual) return false
  for (const word of actual.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u)) {
    if (allowed.has(word)) return true
  }

  return allowed.has(actual.toLowerCase())
}

export function validateOptions(options: unknown): asserts options is MtlintOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionsError('mtlint options must be an object')
  }

  const known = new Set(rules.map((rule) => rule.id))
  for (const key of Object.keys(options)) {
    if (key !== 'rules' && key !== 'allow') {
      throw new OptionsError(
        `unknown option \`${key}\` (expected \`rules\` or \`allow\`)`
      )
    }
  }

  const {rules: ruleSettings, allow} = options as Record<string, unknown>
  if (ruleSettings !== undefined) {
    if (typeof ruleSettings !== 'object' || ruleSettings === null || Array.isArray(ruleSettings)) {
      throw new OptionsError('`rules` must be an object of rule ids')
    }

    for (const [id, value] of Object.entries(ruleSettings)) {
      if (!known.has(id)) {
        throw new OptionsError(
          `unknown rule \`${id}\` in \`rules\` (known: ${[...known].join(', ')})`
        )
      }

      if (
        typeof value !== 'boolean' &&
        (typeof value !== 'object' || value === null || Array.isArray(value))
      ) {
        throw new OptionsError(
          `\`rules.${id}\` must be true, false or an options object`
        )
      }
    }
  }

  if (
    allow !== undefined &&
    (!Array.isArray(allow) || allow.some((word) => typeof word !== 'string'))
  ) {
    throw new OptionsError('`allow` must be a list of strings')
  }
}

/**
 * Rule settings from a list of rule ids: those rules alone. Without a list,
 * undefined: the preset's defaults (opt-in rules stay off).
 */
export function onlyRules(ids: string[] | undefined): Record<string, boolean> | undefined {
  if (!ids) return undefined
  const chosen = new Set(ids)
  return Object.fromEntries(rules.map((rule) => [rule.id, chosen.has(rule.id)]))
}
