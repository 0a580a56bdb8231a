/**
 * `dash-attribution` beyond its examples: the bundled article, dialogue
 * lines, spans and fixes, and speed on hostile text.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {check} from '../src/api.js'
import {rules} from '../rules/index.js'

const ruleId = 'dash-attribution'
const only = {rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === ruleId]))}

async function lint(text: string, options?: {unquotedSpeech?: boolean}) {
  const result = await check(text, options ? {rules: {...only.rules, [ruleId]: options}} : only)
  return {...result, mine: result.messages.filter((message) => message.ruleId === ruleId)}
}

const shared = path.join(import.meta.dirname, '..', '..', 'shared')
const bundled = path.join(shared, 'examples', 'belarus-russia-news.mt.txt')

describe('dash-attribution', () => {
  it.skipIf(!fs.existsSync(bundled))('fixes exactly the two attributions of the bundled article', async () => {
    const text = fs.readFileSync(bundled, 'utf8')
    const {mine, fixed} = await lint(text)
    expect(mine.map((message) => [message.actual, message.expected?.[0], message.fix])).toEqual([
      [', — ', ', ', true],
      ['this', 'this,', true]
    ])
    expect(fixed).toContain('the internal politics of Russia, he said.')
    expect(fixed).toContain('the President will discuss this, concludes Jerman.')
    // Everything else stays as it was: the parenthetical dashes too.
    const changed = text.split('\n').filter((line, index) => line !== fixed.split('\n')[index])
    expect(changed).toHaveLength(2)
    expect(fixed).toContain('the next meeting — already the second')
    expect(fixed).toContain('in the direction of Russia — Belarus President')
    expect((await lint(fixed)).mine).toEqual([])
  })

  it('reports spans that are exactly the replaced text', async () => {
    const text = 'The prisoner does not surprise them, — concluded the activist. “Too early” – he said.'
    const {mine} = await lint(text)
    expect(mine).toHaveLength(2)
    for (const message of mine) {
      const place = message.place as {start: {offset: number}; end: {offset: number}}
      expect(text.slice(place.start.offset, place.end.offset)).toBe(message.actual)
    }

    expect(mine.map((message) => message.actual)).toEqual([', — ', '” – '])
  })

  it('handles a dialogue line: attribution dashes fixed, the reopening dash flagged', async () => {
    const text = '— We will respond, — he said, — and the answer will be strong.\n— I agree, — said Peskov. — Absolutely.'
    const {mine, fixed} = await lint(text)
    expect(fixed).toBe('— We will respond, he said, and the answer will be strong.\n— I agree, said Peskov. — Absolutely.')
    const unfixed = mine.filter((message) => !message.fix)
    // The dash that reopens the speech after `said Peskov.`.
    const start = (message: (typeof unfixed)[number]) => (message.place as {start: {offset: number}}).start.offset
    expect(unfixed.map((message) => [message.actual, start(message)])).toEqual([['—', text.lastIndexOf('—')]])

    // With `unquotedSpeech`, the dashes opening both lines too.
    const all = await lint(text, {unquotedSpeech: true})
    expect(all.fixed).toBe(fixed)
    const opening = all.mine.filter((message) => !message.fix)
    expect(opening).toHaveLength(3)
    expect(opening.every((message) => message.actual === '—')).toBe(true)
  })

  it('fixes the `– he said, and added: –` sequence', async () => {
    const {fixed} = await lint('We will see – he said, and added: – maybe tomorrow.')
    expect(fixed).toBe('We will see, he said, and added: maybe tomorrow.')
    const quoted = await lint('“We will see,” – he said, and added: – “Maybe tomorrow.”')
    expect(quoted.fixed).toBe('“We will see,” he said, and added: “Maybe tomorrow.”')
  })

  it('leaves a dashed list alone when no attribution is dashed', async () => {
    const {mine} = await lint('Things to do:\n— call the bank\n— buy milk, he said we need it')
    expect(mine).toEqual([])
  })

  it('fixes the post-edits that kept Russian punctuation', async () => {
    const {fixed} = await lint(
      '- I wrote a report, and if we remain silent, we betray God in part, - the priest said.'
    )
    expect(fixed).toBe('- I wrote a report, and if we remain silent, we betray God in part, the priest said.')
  })

  it('moves a misplaced quotation mark only when a quotation is open', async () => {
    const open = await lint('"We want peace, "he said.')
    expect(open.fixed).toBe('"We want peace," he said.')
    // No quotation open: flagged (without a fix) only with `unquotedSpeech`.
    const text = 'Men from the "Forty Forties" kill the victims, "Davtyan protested.'
    expect((await lint(text)).mine).toEqual([])
    const balanced = await lint(text, {unquotedSpeech: true})
    expect(balanced.mine).toHaveLength(1)
    expect(balanced.mine[0]!.fix).toBe(false)
    expect(balanced.mine[0]!.actual).toBe(', "')
    expect(balanced.fixed).toBe(text)
  })

  it('leaves speech that no mark opens to the `unquotedSpeech` option', async () => {
    // MT (mlqe-pe-ruen/train/2177) that post-editors often keep as it is.
    const text = 'For other reasons, Russian law enforcement agencies were there, "he said.'
    expect((await lint(text)).mine).toEqual([])
    const flagged = await lint(text, {unquotedSpeech: true})
    expect(flagged.mine.map((message) => [message.actual, message.expected?.[0], message.fix])).toEqual([
      [', "', ',"' + ' ', false]
    ])
    // A post-edit that kept the Russian dialogue dashes: the attribution's
    // dash is fixed either way; the line's opening dash needs the option.
    const dialogue = '- I wrote a report, and if we remain silent, we betray God in part, - the priest said.'
    expect((await lint(dialogue)).mine.map((message) => message.fix)).toEqual([true])
    expect((await lint(dialogue, {unquotedSpeech: true})).mine.map((message) => message.fix).sort()).toEqual([false, true])
  })

  it('keeps a quotation that opens after a comma', async () => {
    for (const text of [
      'The blind man said, "Let\'s see."',
      'He asked, "Who said that?"',
      'She wrote, "they told me nothing."',
      'Someone rewrote that little essay, "Reuniting Old Friends."'
    ]) {
      expect((await lint(text)).mine, text).toEqual([])
    }
  })

  it('is quiet on English dashes and on attributions with their comma', async () => {
    for (const text of [
      'Some thought experiments — Einstein liked doing so very much — we can imagine.',
      'As you can see - it may be a bit blurry - you can see the result.',
      'The free are taught to conquer - slaves are taught to submit.',
      '“We will respond,” said the minister. “It is too early,” he said.',
      'Activision Blizzard plans to increase the number of players to a billion, says Bobby Kotick',
      'I looked through a few more, and in principle I liked what and how he said.',
      'Spoiler - they thought they would not come after them.',
      'Maxim Galkin - about Ukraine and politics (Novosiborsk 2.10.19)'
    ]) {
      expect((await lint(text)).mine, text).toEqual([])
    }
  })

  it('stays linear on a long line of attributions and dashes', async () => {
    const unit = 'It is early, — he said, — and good. “No” he said. — — , , said Peskov '
    const small = unit.repeat(500)
    const large = unit.repeat(4000)
    const t0 = performance.now()
    await lint(small)
    const t1 = performance.now()
    const {mine} = await lint(large)
    const t2 = performance.now()
    expect(mine.length).toBeGreaterThan(4000)
    // Eight times the text: well under sixty-four times the time.
    expect(t2 - t1).toBeLessThan(Math.max(20 * (t1 - t0), 3000))
  })
})
