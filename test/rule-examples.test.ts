/**
 * Every rule's examples, kept beside the rule in `rules/<id>/examples.json`
 * (as LanguageTool keeps them), run as its tests:
 *
 * - `flag`: text the rule must flag; `fixed` is the text after the fix
 *   (omit it when the rule must flag without a fix, and give `actual`);
 * - `quiet`: text where the rule must stay silent.
 *
 * Each example runs with that rule alone, so another rule cannot hide or
 * fake a result.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {check} from '../src/api.js'
import {rules} from '../rules/index.js'
import {onlyRules} from '../src/preset.js'

interface Examples {
  flag?: Array<{text: string; fixed?: string; actual?: string; origin?: string}>
  quiet?: Array<{text: string; origin?: string}>
}

const root = path.join(import.meta.dirname, '..', 'rules')

function only(id: string) {
  return onlyRules([id])
}

for (const rule of rules) {
  const file = path.join(root, rule.id, 'examples.json')
  if (!fs.existsSync(file)) continue
  const examples = JSON.parse(fs.readFileSync(file, 'utf8')) as Examples

  describe(`${rule.id} examples`, () => {
    for (const example of examples.flag ?? []) {
      it(`flags: ${example.text.slice(0, 70)}`, async () => {
        const result = await check(example.text, {rules: only(rule.id)})
        const mine = result.messages.filter((m) => m.ruleId === rule.id)
        expect(mine.length).toBeGreaterThan(0)
        if (example.fixed === undefined) {
          expect(mine.every((m) => !m.fix)).toBe(true)
          expect(result.fixed).toBe(example.text)
          if (example.actual) expect(mine.map((m) => m.actual)).toContain(example.actual)
        } else {
          expect(result.fixed).toBe(example.fixed)
          // A second run proposes nothing it already fixed.
          const again = await check(result.fixed, {rules: only(rule.id)})
          expect(again.fixed).toBe(result.fixed)
        }
      })
    }

    for (const example of examples.quiet ?? []) {
      it(`is quiet on: ${example.text.slice(0, 70)}`, async () => {
        const result = await check(example.text, {rules: only(rule.id)})
        expect(result.messages.filter((m) => m.ruleId === rule.id)).toEqual([])
      })
    }
  })
}

describe('rule folders', () => {
  it('every rule has a doc', () => {
    for (const rule of rules) {
      expect(fs.existsSync(path.join(root, rule.id, 'README.md')), rule.id).toBe(true)
    }
  })
})
