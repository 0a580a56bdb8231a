/**
 * When retext-repeated-words' suggestion is safe to apply: a doubled
 * function word written the same way twice (`the the`, `to to`). A doubled
 * content word is often meant (`Not nice nice, but nice.`), and for
 * `Heavy heavy` the suggestion would drop a capital, so those are flagged
 * without a fix.
 */
import type {VFileMessage} from 'vfile-message'
import data from './function-words.json' with {type: 'json'}

const functionWords = new Set(data.words)

export function doubledFunctionWord(message: VFileMessage): boolean {
  const words = (message.actual ?? '').split(/\s+/)
  return (
    words.length === 2 &&
    words[0] === words[1] &&
    functionWords.has(words[0]!.toLowerCase())
  )
}
