/**
 * `source-numbers`: a number in the translation that is not in the source.
 *
 * Needs the source (a PO `msgid`, an XLIFF `<source>`, `--source FILE`);
 * silent without it. Flagged: `35` where the source has `3,5` (the decimal
 * comma lost: fixed to `3.5`, the only fix this rule proposes, when the
 * digits are the same and that source number is matched by nothing else);
 * `2019` where the source has `2018`; `15` where the source has `50`.
 *
 * Not flagged: the same value in another notation (`3,5` ↔ `3.5`, `1 000`
 * ↔ `1,000`, `3,5 млн` ↔ `3.5 million` ↔ `3,500,000`, `18.00` ↔ `18:00`,
 * `90-х` ↔ `1990s`, `XX век` ↔ `20th century`, `两百五十万` ↔ `2.5
 * million`); numbers glued to a word
 * in the translation (`COVID-19`, `A4`; in the source they count:
 * `Евро-2020` ↔ `Euro 2020`); `14:00` ↔ `2 p.m.`; small numbers (below
 * 1,000) when the source spells some number in words (`пять` ↔ `5`,
 * `полтора` ↔ `1.5`, `сутки` ↔ `24 hours`) and thousands when it spells
 * `тысяч` (`четырёх тысяч` ↔ `4,000`), since the translation may write
 * them in digits.
 */
import type {VFile} from 'vfile'
import {report} from '../../src/rule-kit.js'
import {
  chineseNumbers,
  numbersIn,
  definePairRule,
  romanNumbers,
  spelledNumbers,
  type NumberToken,
  type SourcePair
} from '../../src/source-checks.js'

const ruleId = 'source-numbers'

export default definePairRule(checkPair)

function checkPair(file: VFile, text: string, pair: SourcePair): void {
  const target = text.slice(pair.start, pair.end)
  const targets = numbersIn(target)
  if (targets.length === 0) return
  const sources = numbersIn(pair.source, {glued: true})
  const known = new Set<number>([...romanNumbers(pair.source), ...chineseNumbers(pair.source)])
  for (const number of sources) for (const value of number.values) known.add(value)

  const unmatched = targets.filter((number) => !number.values.some((value) => known.has(value)))
  if (unmatched.length === 0) return

  const targetValues = new Set<number>()
  for (const number of targets) for (const value of number.values) targetValues.add(value)
  const missing = sources.filter((number) => !number.values.some((value) => targetValues.has(value)))
  const spelled = spelledNumbers(pair.source)

  for (const number of unmatched) {
    if (spelled.small && Math.max(...number.values) < 1000) continue
    if (number.values.some((value) => spelled.scales.some((scale) => value % scale === 0 && value / scale < 1000))) {
      continue
    }

    const lost = lostSeparator(number, missing)
    const where = missing.length > 0
      ? `the source has ${missing.slice(0, 3).map((n) => '`' + n.raw + '`').join(', ')}`
      : sources.length > 0
        ? `the source has ${sources.slice(0, 3).map((n) => '`' + n.raw + '`').join(', ')}`
        : 'the source has no number in digits'
    report(file, {
      ruleId,
      reason: `\`${number.raw}\` is not a number of the source (${where}): changed in translation?`,
      start: pair.start + number.start,
      end: pair.start + number.end,
      expected: lost ? [lost] : undefined,
      fix: Boolean(lost)
    })
  }
}

/**
 * `35` for a source `3,5`: the same digits with the separator dropped, and
 * that source number matched by nothing else. The fix writes the source
 * value the English way.
 */
function lostSeparator(number: NumberToken, missing: NumberToken[]): string | undefined {
  if (number.raw !== number.digits) return undefined
  const same = missing.filter((source) => source.digits === number.digits && source.raw !== source.digits)
  if (same.length !== 1) return undefined
  return same[0]!.english
}
