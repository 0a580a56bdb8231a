/**
 * What an English dictionary knows about a word's case, read once from the
 * Hunspell dictionary in `dictionary-en`: proper nouns are stored
 * capitalised (`Kremlin`, `Moscow`), common words in lower case (`course`);
 * some words are both (`May`/`may`, `China`/`china`).
 *
 * - `isCommonWord('Negotiations')`: the lower-case form, with its
 *   inflections (plural, past, -ing…), is an English word;
 * - `properNounForm('kremlin')`: 'Kremlin', when the dictionary stores the
 *   word only capitalised.
 *
 * The build expands the dictionary's affixes with nspell (~124k forms) and
 * keeps what these questions need (`src/tools/build-words.ts`); here the
 * lower-case forms are one sorted string searched by halves (~1.5 MB,
 * where nspell's object of every form took ~16 MB), so the linter's memory
 * stays small beside the text it reads.
 */
import fs from 'node:fs'

/** The word list, ready for look-ups. */
interface Words {
  /** Every lower-case form nspell accepts (stems and their inflections). */
  common: SortedWords
  /** nspell's compound rules (ordinals: `21st`, `1000th`), tried after `common`. */
  compounds: RegExp[]
  /** Stems the dictionary stores in lower case. */
  lowerStems: SortedWords
  /** Per lower-cased stem, its capitalised spelling (`kremlin` → `Kremlin`). */
  capitalised: Map<string, string>
}

let words: Words | undefined

/**
 * Read the dictionary now rather than at the first look-up. The engine calls
 * this before it parses anything, so that the dictionary's many short-lived
 * objects are not made in the middle of reading a piece (see `heap.ts`).
 */
export function loadDictionary(): void {
  words ??= fromWordList(readWordList())
}

/**
 * The word list: what mtlint keeps of the dictionary, as plain data. `npm
 * run build` writes it to `dist/english-words.json` (see
 * `src/tools/build-words.ts`), so that a run reads 1.6 MB instead of
 * loading nspell and expanding the dictionary's affixes (which costs
 * ~0.3 s and leaves ~50 MB of garbage behind).
 */
export interface WordList {
  /** Lower-case forms, sorted, one per line. */
  common: string
  /** Stems stored in lower case, sorted, one per line. */
  lowerStems: string
  /** Stems stored capitalised, one per line. */
  capitalised: string
  /** Compound rules as regular expression sources (case-insensitive). */
  compounds: string[]
}

/**
 * Where the build writes the word list, seen from this module: `dist/`
 * when running from the sources (tests), beside `dist/src/` when built.
 */
const builtWordLists = [new URL('../dist/english-words.json', import.meta.url), new URL('../english-words.json', import.meta.url)]

function readWordList(): WordList {
  for (const url of builtWordLists) {
    let text: string
    try {
      text = fs.readFileSync(url, 'utf8')
    } catch {
      continue
    }

    return JSON.parse(text) as WordList
  }

  throw new Error('mtlint: the word list `dist/english-words.json` is missing; run `npm run build`')
}

function fromWordList(list: WordList): Words {
  const capitalised = new Map<string, string>()
  for (const name of list.capitalised.split('\n')) capitalised.set(name.toLowerCase(), name)
  return {
    common: new SortedWords(list.common),
    compounds: list.compounds.map((source) => new RegExp(source, 'i')),
    lowerStems: new SortedWords(list.lowerStems),
    capitalised
  }
}

// Binary search costs a few string comparisons, and a document repeats its
// words, so answers are remembered; the memo is emptied when it gets large
// so that hostile input (endless distinct words) keeps memory flat.
const memoLimit = 50_000
let commonMemo = new Map<string, boolean>()

/** Whether the lower-case form of `word` (with inflections) is English. */
export function isCommonWord(word: string): boolean {
  const known = commonMemo.get(word)
  if (known !== undefined) return known
  loadDictionary()
  const answer = isCommonLower(word.toLowerCase())
  if (commonMemo.size >= memoLimit) commonMemo = new Map()
  commonMemo.set(word, answer)
  return answer
}

/**
 * Whether a lower-case word is a stem the dictionary stores in lower case
 * or a form nspell's `correct` accepts (the list holds both).
 */
function isCommonLower(lower: string): boolean {
  const {common, compounds} = words!
  if (common.has(lower)) return true
  // nspell reads a typographic apostrophe as a straight one.
  const normal = lower.includes('’') ? lower.replaceAll('’', "'") : lower
  if (normal !== lower && common.has(normal)) return true
  return compounds.some((rule) => rule.test(normal))
}

/**
 * The dictionary's capitalised spelling of `word` when the dictionary holds
 * it only as a proper noun (`kremlin` → `Kremlin`), else undefined.
 */
export function properNounForm(word: string): string | undefined {
  loadDictionary()
  const lower = word.toLowerCase()
  const proper = words!.capitalised.get(lower)
  if (proper === undefined || words!.lowerStems.has(lower)) return undefined
  return proper
}

/** Whether the dictionary stores `word` capitalised (it may also be common). */
export function isDictionaryName(word: string): boolean {
  loadDictionary()
  return words!.capitalised.has(word.toLowerCase())
}

/** The dictionary's capitalised stems, lower-cased (`kremlin`, `china`). */
export function dictionaryNames(): IterableIterator<string> {
  loadDictionary()
  return words!.capitalised.keys()
}

/**
 * A set of words held as one sorted string (`'\n'` between words, in
 * UTF-16 code unit order, as `sort` orders) and the start of each word: a
 * tenth of the memory of a `Set` of the same words.
 */
class SortedWords {
  private readonly text: string
  private readonly starts: Int32Array

  constructor(sorted: string) {
    this.text = sorted
    let count = 1
    for (let at = sorted.indexOf('\n'); at >= 0; at = sorted.indexOf('\n', at + 1)) count++
    // One start per word, and one past the end (as if a '\n' followed the last).
    this.starts = new Int32Array(count + 1)
    let index = 1
    for (let at = sorted.indexOf('\n'); at >= 0; at = sorted.indexOf('\n', at + 1)) {
      this.starts[index++] = at + 1
    }

    this.starts[count] = sorted.length + 1
  }

  has(word: string): boolean {
    let low = 0
    let high = this.starts.length - 2
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = this.compare(middle, word)
      if (order === 0) return true
      if (order < 0) low = middle + 1
      else high = middle - 1
    }

    return false
  }

  /** Order of the word at `index` against `word`, in UTF-16 code units. */
  private compare(index: number, word: string): number {
    const start = this.starts[index]!
    const length = this.starts[index + 1]! - 1 - start
    const shared = Math.min(length, word.length)
    for (let offset = 0; offset < shared; offset++) {
      const difference = this.text.charCodeAt(start + offset) - word.charCodeAt(offset)
      if (difference !== 0) return difference
    }

    return length - word.length
  }
}
