/**
 * `source-name`: a person's name in a Cyrillic source that the translation
 * lost, with a common English word in its place (`Усов` → `a Mustache`,
 * `Песков` → `Sands`, `Пётр Офицеров` → `Pyotr Officers`).
 *
 * Needs the source (a PO `msgid`, an XLIFF `<source>`, `--source FILE`);
 * silent without it. A finding needs both sides: the source has the name,
 * the translation has no transliteration of it (compared spelling-blind:
 * `Dmitry`/`Dmitrii`, `Solovey`/`Solovei`), and it has a common English
 * word standing for it:
 *
 * - **lexicon**: a word that the surname lexicon of `translated-name` lists
 *   for a surname of the source (`Песков` → `Sands`; any case of it:
 *   `Пескова`, `Песковым`), capitalised or after an article (`concludes a
 *   Mustache` → `concludes Usov`, the article goes too). Fixed to the
 *   lexicon's spelling. A source word at the start of a sentence may be the
 *   noun itself (`Мороз ударил` → `Frost struck`): it counts only when the
 *   translation capitalises the word in mid-sentence (`said Frost`), or
 *   when a verb of saying follows it in the source (`Песков заявил` →
 *   `Sands said`), not in `Волков бояться — в лес не ходить`.
 * - **given name**: for any surname with a surname's ending (`-ов`, `-ин`,
 *   `-ский`, `-енко`…) after a given name (`given-names.json`, any case,
 *   with a patronymic between or not) or an initial, the capitalised common
 *   word right after that given name or initial in the translation
 *   (`Павел Усов` → `Pavel Moustache`). Fixed to the transliteration in the
 *   nominative (`Павла Усова` → `Usov`; a woman's `Анна Усова` → `Usova`).
 *
 * Not flagged: a surname whose transliteration is in the translation; a word
 * after the given name in lower case (`Ivan the Terrible`) or that the
 * dictionary knows as a name (`Pavel Bill`); capitalised source words that
 * follow no given name (`Радио Свобода` → `Radio Liberty`, `Гравити Фоллз`
 * → `Gravity Falls`), and foreign names written back in their own spelling
 * (`Г. Стэндинг` → `G. Standing`: no Russian surname ending); names in
 * Latin script.
 */
import type {VFile} from 'vfile'
import {report} from '../../src/rule-kit.js'
import {
  cyrillic,
  nameKey,
  definePairRule,
  transliterate,
  wordsOf,
  type SourcePair,
  type Token
} from '../../src/source-checks.js'
import {isCommonWord, isDictionaryName} from '../../src/words.js'
import lexiconData from '../translated-name/lexicon.json' with {type: 'json'}
import givenData from './given-names.json' with {type: 'json'}

const ruleId = 'source-name'

interface Entry {
  surname: string
  variants?: string[]
  cyrillic?: string
  words: string[]
}

/** Lexicon entries with the lower-case stem of their Cyrillic surname. */
const lexicon: Array<{stem: string; entry: Entry; words: Set<string>}> = []
for (const entry of (lexiconData as {entries: Entry[]}).entries) {
  const surname = /^\p{Script=Cyrillic}+/u.exec(entry.cyrillic ?? '')?.[0]
  if (!surname) continue
  lexicon.push({
    stem: surname.toLowerCase().replace(/(?:ей|ий|ый|ой|а|я|ь|о)$/u, ''),
    entry,
    words: new Set(entry.words.map((word) => word.toLowerCase()))
  })
}

/** Given names and their case forms, lower case. */
const givenNames = new Set<string>()
const stems = givenData.stems as Record<string, string>
for (const name of givenData.names) {
  const lower = name.toLowerCase()
  givenNames.add(lower)
  const stem = stems[name] ?? lower.replace(/[аяйьо]$/u, '')
  for (const ending of ['а', 'я', 'у', 'ю', 'ом', 'ем', 'ём', 'е', 'ы', 'и', 'ой', 'ей', 'ою', 'ею']) {
    givenNames.add(stem + ending)
  }
}

const articles = new Set(['a', 'an', 'the'])
const capitalised = /^\p{Lu}\p{Ll}+$/u
const feminineName = /[ая]$/u
const patronymic = /(?:ович|евич|ич)(?:а|у|ем|е)?$|(?:овн|евн|ичн)(?:а|ы|е|у|ой)$/u
/** Verbs that make the word before them a speaker (`Песков заявил`). */
const speech =
  /^(?:заяв|сказа|отмет|подчеркн|добав|поясн|сообщ|рассказа|ответ|напомн|счита|увер|полага|пиш|говор|написа|призна|подтверд|опроверг|объясн|уточн)\p{L}*$/u
const surnameEnding = /(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ской|ская|цкая|ук|юк|енко|вич|ян|дзе|швили)$/u

export default definePairRule(checkPair)

function checkPair(file: VFile, text: string, pair: SourcePair): void {
  if (!cyrillic.test(pair.source)) return
  const target = text.slice(pair.start, pair.end)
  const sourceWords = wordsOf(pair.source)
  const targetWords = wordsOf(target)
  const targetKeys = targetWords.map((word) => nameKey(word.value))
  const flagged = new Set<number>()

  const present = (surname: string): boolean => {
    const key = nameKey(surname)
    return key.length >= 2 && targetKeys.some((other) => other.startsWith(key))
  }

  const flag = (index: number, surname: string, fix: boolean, end = targetWords[index]!.end): void => {
    if (flagged.has(index)) return
    flagged.add(index)
    const word = targetWords[index]!
    const before = targetWords[index - 1]
    // `concludes a Mustache` → `concludes Usov`: the article goes too.
    const start =
      before && articles.has(before.value.toLowerCase()) && /^\s+$/.test(target.slice(before.end, word.start))
        ? before.start
        : word.start
    if (alreadyFlagged(file, pair.start + start, pair.start + end, surname)) return
    report(file, {
      ruleId,
      reason: `\`${target.slice(start, end)}\` stands for a name of the source (\`${surname}\`): translated as a common word?`,
      start: pair.start + start,
      end: pair.start + end,
      expected: [surname],
      fix
    })
  }

  for (let index = 0; index < sourceWords.length; index++) {
    const word = sourceWords[index]!
    if (!capitalised.test(word.value) || !cyrillic.test(word.value)) continue
    const lower = word.value.toLowerCase()

    const known = lexicon.find(
      (item) => lower.startsWith(item.stem) && lower.length <= item.stem.length + 4
    )
    if (known) {
      const next = sourceWords[index + 1]
      const speaks = Boolean(next && speech.test(next.value.toLowerCase()))
      checkLexicon(known.entry, known.words, word, speaks, targetWords, present, flag)
      continue
    }

    const given = givenBefore(sourceWords, index, pair.source)
    if (!given) continue
    const nominative = nominativeOf(word.value, given)
    if (!surnameEnding.test(nominative.toLowerCase())) continue
    const surname = transliterate(nominative)
    if (present(surname)) continue

    // The given name (or initial) kept in the translation, a common word after it.
    const isInitial = given.value.length === 1
    const anchor = isInitial ? transliterate(given.value) : undefined
    const givenKey = nameKey(transliterate(given.value))
    for (let position = 0; position + 1 < targetWords.length; position++) {
      const between = target.slice(targetWords[position]!.end, targetWords[position + 1]!.start)
      const anchored = anchor
        ? targetWords[position]!.value === anchor && /^\.\s+$/.test(between)
        : targetKeys[position] === givenKey && /^\s+$/.test(between)
      // `Pavel Moustache's`: the possessive stays.
      const next = targetWords[position + 1]!
      const bare = next.value.replace(/['’]s$/u, '')
      if (
        anchored &&
        capitalised.test(bare) &&
        isCommonWord(bare) &&
        !isDictionaryName(bare) &&
        nameKey(bare) !== nameKey(surname)
      ) {
        flag(position + 1, surname, true, next.start + bare.length)
      }
    }
  }
}

function checkLexicon(
  entry: Entry,
  words: Set<string>,
  word: Token,
  speaks: boolean,
  targetWords: Token[],
  present: (surname: string) => boolean,
  flag: (index: number, surname: string, fix: boolean, end?: number) => void
): void {
  if ([entry.surname, ...(entry.variants ?? [])].some(present)) return
  targetWords.forEach((other, position) => {
    const bare = other.value.replace(/['’]s$/u, '')
    if (!words.has(bare.toLowerCase())) return
    const before = targetWords[position - 1]
    const afterArticle = Boolean(before && articles.has(before.value.toLowerCase()))
    if (word.initial && speaks) {
      // `Песков заявил`: the word is the speaker of the sentence.
    } else if (word.initial) {
      // `Мороз ударил` may be the noun: only a capital in mid-sentence tells.
      if (other.initial || afterArticle || !capitalised.test(bare)) return
    } else if (!capitalised.test(bare) && !afterArticle) {
      // `Sands`, `a Mustache`, `a mustache`; not a plain `sand`.
      return
    }

    flag(position, entry.surname, true, other.start + bare.length)
  })
}

/**
 * Whether another rule (`translated-name`, which runs before this one on
 * the same piece) already proposes this very fix: one finding is enough.
 */
function alreadyFlagged(file: VFile, start: number, end: number, surname: string): boolean {
  return file.messages.some((message) => {
    const place = message.place
    return (
      place !== undefined &&
      'start' in place &&
      place.start.offset === start &&
      place.end.offset === end &&
      message.expected?.[0] === surname
    )
  })
}

/**
 * The given name or initial right before the surname at `index`, skipping
 * a patronymic (`Владимир Владимирович Путин`); undefined when there is none.
 */
function givenBefore(words: Token[], index: number, source: string): Token | undefined {
  let before = index - 1
  const previous = words[before]
  if (previous && patronymic.test(previous.value.toLowerCase()) && /^\s+$/.test(source.slice(previous.end, words[index]!.start))) {
    before--
  }

  const given = words[before]
  const next = words[before + 1]!
  if (!given) return undefined
  const between = source.slice(given.end, next.start)
  if (/^\p{Lu}$/u.test(given.value) && cyrillic.test(given.value) && /^\.\s*$/.test(between)) return given
  if (!/^\s+$/.test(between) || !givenNames.has(given.value.toLowerCase())) return undefined
  return given
}

/**
 * The nominative of a surname in another case, for the common surname
 * families: `Усова` → `Усов` after a man's given name or an initial,
 * `Зеленского` → `Зеленский`; a woman's `Усова` stays.
 */
function nominativeOf(surname: string, given: Token): string {
  const feminine = given.value.length > 1 && feminineName.test(given.value) && !/^(?:Илья|Никита|Данила|Саша|Женя|Слава|Володя|Дима|Миша|Коля|Серёжа|Сережа|Лёша|Леша|Паша|Петя|Ваня|Витя|Толя|Юра|Гриша|Костя|Боря)$/u.test(given.value)
  const declined = /^(.+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е)$/u.exec(surname)
  if (declined && !feminine) return declined[1]!
  const feminineDeclined = /^(.+(?:ов|ев|ёв|ин|ын))(?:ой|у)$/u.exec(surname)
  if (feminineDeclined && feminine) return feminineDeclined[1] + 'а'
  const adjectival = /^(.+[сц]к)(?:ого|ому|им|ом)$/u.exec(surname)
  if (adjectival) return adjectival[1] + 'ий'
  return surname
}
