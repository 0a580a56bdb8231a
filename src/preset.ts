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
import {docsBase, source, type MtlintMessage} from './rule-kit.js'

export type RuleSetting = boolean | Record<string, unknown>

export interface MtlintOptions {
  rules?: Record<string, RuleSetting> | undefined
  allow?: string[] | undefined
}

export class OptionsError extends Error {}

export default function mtlint(
  this: Processor<any, any, any, any, any>,
  options: MtlintOptions = {}
): Transformer<Root, Root> {
  validateOptions(options)
  const active: Array<{rule: RuleDefinition; transform: Transformer<Root, Root>}> = []

  for (const rule of rules) {
    const setting = options.rules?.[rule.id]
    if (setting === false) continue
    const ruleOptions = typeof setting === 'object' ? setting : undefined
    const transform = (rule.plugin as (this: unknown, o?: unknown) => unknown).call(
      this,
      ruleOptions
    ) as Transformer<Root, Root> | undefined
    if (transform) active.push({rule, transform})
  }

  const allowed = new Set((options.allow ?? []).map((word) => word.toLowerCase()))

  return function (tree, file) {
    for (const {rule, transform} of active) {
      const before = file.messages.length
      // Every rule here is synchronous; a promise would be a bug in a rule.
      void (transform as (t: Root, f: VFile) => unknown)(tree, file)
      if (rule.external) relabel(file, before, rule)
    }

    if (allowed.size > 0) {
      file.messages = file.messages.filter(
        (message) => !mentionsAllowed(message.actual, allowed)
      )
    }
  }
}

/** Messages from ecosystem plugins become mtlint messages. */
function relabel(file: VFile, from: number, rule: RuleDefinition): void {
  for (let index = from; index < file.messages.length; index++) {
    const message = file.messages[index] as MtlintMessage
    message.source = source
    message.ruleId = rule.id
    message.url = docsBase + rule.id + '/README.md'
    message.fix = Boolean(rule.external?.fix && message.expected?.length)
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
