/**
 * What the formats share: which parts of a translated string are
 * placeholders (never flagged or changed), found in one pass.
 */
import {describe, expect, it} from 'vitest'
import {findPlaceholders, maskPlaceholders} from '../src/formats/segments.js'

function placeholders(text: string): string[] {
  return findPlaceholders(text).map(([start, end]) => text.slice(start, end))
}

describe('findPlaceholders', () => {
  it('finds printf, Qt, Python, brace, i18next, ICU, tag and reference placeholders', () => {
    expect(placeholders('%s of %d, %1$s, %.2f, %-5ld, %@ and 100%%')).toEqual(['%s', '%d', '%1$s', '%.2f', '%-5ld', '%@', '%%'])
    expect(placeholders('Page %1 of %2')).toEqual(['%1', '%2'])
    expect(placeholders('Hello %(name)s and %{user} and ${count}')).toEqual(['%(name)s', '%{user}', '${count}'])
    expect(placeholders('{0} and {name} and {{count}}')).toEqual(['{0}', '{name}', '{{count}}'])
    expect(placeholders('You have {count, plural, one {# file} other {# files}} left')).toEqual([
      '{count, plural, one {# file} other {# files}}'
    ])
    expect(placeholders('See $t(common.save) and <b>bold</b> or <br/> &nbsp; &#160;')).toEqual([
      '$t(common.save)', '<b>', '</b>', '<br/>', '&nbsp;', '&#160;'
    ])
  })

  it('leaves prose alone: percentages, a lone brace, comparisons', () => {
    expect(placeholders('Prices rose 50% of the time; 5 % more.')).toEqual([])
    expect(placeholders('A closing } first, then a lone { brace')).toEqual([])
    expect(placeholders('if a < b and b > c')).toEqual([])
  })

  it('masks with a symbol of the same length, so offsets stay', () => {
    const {text, masks} = maskPlaceholders('Delete %s files?')
    expect(text).toBe('Delete \u00A4\u00A4 files?')
    expect(masks).toEqual([[7, 9]])
  })

  it('stays linear on hostile input', () => {
    const hostile = '{'.repeat(50_000) + '%'.repeat(50_000) + '<a'.repeat(25_000)
    const started = performance.now()
    findPlaceholders(hostile)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
