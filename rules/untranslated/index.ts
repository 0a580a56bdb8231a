/**
 * `untranslated`: a translation identical to its source, left in the source
 * language.
 *
 * Needs the source (a PO `msgid`, an XLIFF `<source>`, `--source FILE`);
 * silent without it. Flagged (no fix): a target that is the source again,
 * when it is not English: in a non-Latin script (`Сохранить файл`), or
 * Latin words most of which are not English (`Datei speichern`).
 *
 * Not flagged: a target identical to a source that is itself English
 * (`Save file` in an English-source catalogue), placeholders or numbers
 * only (`%s`, `{count}`, `2020`), names and brands (`Google Chrome`,
 * `GitHub`), single letters, and empty targets (not yet translated is the
 * catalogue tools' business).
 */
import type {VFile} from 'vfile'
import {report} from '../../src/rule-kit.js'
import {definePairRule, wordsOf, type SourcePair} from '../../src/source-checks.js'
import {isCommonWord} from '../../src/words.js'

const ruleId = 'untranslated'

export default definePairRule(checkPair)

function checkPair(file: VFile, text: string, pair: SourcePair): void {
  const target = text.slice(pair.start, pair.end)
  if (normalise(target) !== normalise(pair.source)) return
  const words = wordsOf(target).filter((word) => word.value.length >= 2)
  if (words.length === 0) return

  const latin = words.filter((word) => /^[\p{Script=Latin}'’-]+$/u.test(word.value))
  if (latin.length === words.length) {
    // Latin script: untranslated only when it is not English, and not names.
    const lower = latin.filter((word) => word.value[0] === word.value[0]!.toLowerCase())
    if (lower.length === 0) return
    const english = latin.filter((word) => isCommonWord(word.value)).length
    if (english * 2 >= latin.length) return
  } else if (!words.some((word) => word.value.length >= 3)) {
    return
  }

  const start = pair.start + (target.length - target.trimStart().length)
  const end = pair.start + target.trimEnd().length
  report(file, {
    ruleId,
    reason: 'The translation is the source text again: left untranslated?',
    start,
    end
  })
}

function normalise(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
