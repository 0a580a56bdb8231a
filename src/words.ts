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
 */
import dictionary from 'dictionary-en'
import nspell from 'nspell'

let speller: ReturnType<typeof nspell> | undefined
let capitalised: Map<string, string> | undefined
let lowercase: Set<string> | undefined

function load(): void {
  if (speller) return
  speller = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
  capitalised = new Map()
  lowercase = new Set()
  const lines = Buffer.from(dictionary.dic).toString('utf8').split('\n')
  // The first line is the entry count.
  for (let index = 1; index < lines.length; index++) {
    const entry = lines[index]!.split('/', 1)[0]!.trim()
    if (!entry) continue
    const lower = entry.toLowerCase()
    if (entry === lower) lowercase.add(lower)
    else if (entry[0] !== lower[0]) capitalised.set(lower, entry)
  }
}

// nspell's affix stripping is the costly part of a look-up, and a document
// repeats its words, so answers are remembered; the memo is emptied when it
// gets large so that hostile input (endless distinct words) keeps memory flat.
const memoLimit = 50_000
let commonMemo = new Map<string, boolean>()

/** Whether the lower-case form of `word` (with inflections) is English. */
export function isCommonWord(word: string): boolean {
  const known = commonMemo.get(word)
  if (known !== undefined) return known
  load()
  const lower = word.toLowerCase()
  const answer = lowercase!.has(lower) || speller!.correct(lower)
  if (commonMemo.size >= memoLimit) commonMemo = new Map()
  commonMemo.set(word, answer)
  return answer
}

/**
 * The dictionary's capitalised spelling of `word` when the dictionary holds
 * it only as a proper noun (`kremlin` → `Kremlin`), else undefined.
 */
export function properNounForm(word: string): string | undefined {
  load()
  const lower = word.toLowerCase()
  const proper = capitalised!.get(lower)
  if (proper === undefined || lowercase!.has(lower)) return undefined
  return proper
}

/** Whether the dictionary stores `word` capitalised (it may also be common). */
export function isDictionaryName(word: string): boolean {
  load()
  return capitalised!.has(word.toLowerCase())
}
