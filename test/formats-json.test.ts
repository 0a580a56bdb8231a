/**
 * JSON catalogues (i18next, ICU, ARB): every string value linted with its
 * placeholders masked, fixes JSON-escaped, JSON.parse of the fixed file
 * equal to the original's but for the fixed values.
 */
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {check} from '../src/api.js'
import {FormatError} from '../src/formats/index.js'

const onlyEnglish = {
  rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'repeated-words' || rule.id === 'indefinite-article']))
}

const catalogue = `{
  "@@locale": "en",
  "common": {
    "save": "Save",
    "cancel": "Cancel",
    "greeting": "Hello, {{name}}! It is a \\"honour\\" to to see you.",
    "item_one": "{{count}} item was was added",
    "item_other": "{{count}} items were added",
    "nested": "See $t(common.save) for a {{what}} overview",
    "icu": "{count, plural, one {# file was was} other {# files}} in the the folder",
    "multiline": "First line\\nIt is a error\\u00e9.",
    "html": "Click <b>here</b> for a <a href=\\"/help\\">hour</a> of help"
  },
  "@common": {"description": "the the metadata is not linted"},
  "tips": ["It is a apple.", "Nothing wrong here.", 42, true, null],
  "emoji": "Party \\ud83c\\udf89 the the time"
}
`

describe('JSON', () => {
  it('lints string values at any depth and in arrays, not keys or @metadata', async () => {
    const result = await check(catalogue, {type: 'json', path: 'en.json', ...onlyEnglish})
    expect(result.messages.map((m) => [m.ruleId, m.actual, m.line])).toEqual([
      ['indefinite-article', 'a', 6],
      ['repeated-words', 'to to', 6],
      ['repeated-words', 'was was', 7],
      ['repeated-words', 'the the', 10],
      ['indefinite-article', 'a', 11],
      ['indefinite-article', 'a', 15],
      ['repeated-words', 'the the', 16]
    ])
  })

  it('never flags placeholders: {{name}}, $t(), ICU plural blocks, tags', async () => {
    const result = await check(catalogue, {type: 'json', ...onlyEnglish})
    // `a {{what}}` and `a <a href>hour</a>` are not flagged; the ICU block is masked whole.
    expect(result.messages.filter((m) => m.line === 9 || m.line === 12)).toEqual([])
    expect(result.messages.some((m) => m.line === 10 && m.actual === 'was was')).toBe(false)
  })

  it('fixes are JSON-escaped and JSON.parse sees only the fixed values change', async () => {
    const result = await check(catalogue, {type: 'json', ...onlyEnglish})
    const before = JSON.parse(catalogue)
    const after = JSON.parse(result.fixed)
    before.common.greeting = 'Hello, {{name}}! It is an "honour" to see you.'
    before.common.item_one = '{{count}} item was added'
    before.common.icu = '{count, plural, one {# file was was} other {# files}} in the folder'
    before.common.multiline = 'First line\nIt is an erroré.'
    before.tips[0] = 'It is an apple.'
    before.emoji = 'Party 🎉 the time'
    expect(after).toEqual(before)
    // The raw escapes outside the fixes are kept as they were.
    expect(result.fixed).toContain('"First line\\nIt is an error\\u00e9."')
    expect(result.fixed).toContain('"Party \\ud83c\\udf89 the time"')
    expect(result.fixed).toContain('It is an \\"honour\\" to see you.')
  })

  it('pairs values with a source catalogue by key path', async () => {
    const source = JSON.stringify({common: {price: 'Цена: 3,5 тыс. рублей', title: 'Сохранить файл'}})
    const target = JSON.stringify({common: {price: 'Price: 35 rubles', title: 'Сохранить файл'}}, null, 2)
    const result = await check(target, {type: 'json', source})
    const ids = result.messages.map((m) => [m.ruleId, m.actual])
    expect(ids).toContainEqual(['source-numbers', '35'])
    expect(ids).toContainEqual(['untranslated', 'Сохранить файл'])
  })

  it('keeps a BOM', async () => {
    const result = await check('\uFEFF{"a": "It was the the best."}\n', {type: 'json', ...onlyEnglish})
    expect(result.fixed).toBe('\uFEFF{"a": "It was the best."}\n')
  })

  it('a JSON error is a FormatError with line and column; comments and trailing commas are errors', async () => {
    await expect(check('{\n  "a": "x",\n}\n', {type: 'json'})).rejects.toMatchObject({line: 3, column: 1})
    await expect(check('{\n  // note\n  "a": "x"\n}', {type: 'json'})).rejects.toThrow(FormatError)
    await expect(check('{"a": "x"', {type: 'json'})).rejects.toThrow(FormatError)
  })
})
