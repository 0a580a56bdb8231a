/** What rule tests share: run one rule alone and keep its findings. */
import {check} from '../src/api.js'
import {rules} from '../rules/index.js'

/** Options that turn on `ruleId` alone. */
export function onlyRule(ruleId: string) {
  return {rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === ruleId]))}
}

/** Lint `text` with `ruleId` alone: the result, its findings, and a summary. */
export async function findingsOf(ruleId: string, text: string) {
  const result = await check(text, onlyRule(ruleId))
  const mine = result.messages.filter((message) => message.ruleId === ruleId)
  return {result, mine, summary: mine.map((m) => [m.actual, m.expected?.[0], m.fix])}
}
