/**
 * The public API: lint a text (or a file) and get its findings, the fixed
 * text and a unified diff of the proposed fixes.
 *
 * ```js
 * import {check} from 'mtlint'
 * const {messages, fixed, patch} = await check('of Course, they said.')
 * ```
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {findConfig, loadConfigFile} from './config.js'
import {applyFixes, type Edit, type SkippedEdit} from './fix.js'
import {readTextFile} from './input.js'
import {lintDocument} from './engine.js'
import {lintStructured, typeFromPath, typesWithSource, type FileType} from './formats/index.js'
import {OptionsError, prepareRules, type MtlintOptions} from './preset.js'
import type {MtlintMessage} from './rule-kit.js'
import {alignSource} from './source-checks.js'

export interface CheckOptions extends MtlintOptions {
  /** File path: used in messages and in the diff header. */
  path?: string | undefined
  /**
   * What the text is: `text` (default), `markdown`, `po`, `xliff` or `json`.
   * Other than plain text, only the translated strings are linted, and
   * findings and fixes are placed in the file as it is (escapes kept).
   * A file that cannot be parsed throws a `FormatError` (with `line`).
   */
  type?: FileType | undefined
  /**
   * The source text this text translates, for the source-aware rules
   * (`source-name`, `source-numbers`, `untranslated`): plain text is paired
   * with it line by line or paragraph by paragraph when the counts agree,
   * JSON by key path, Markdown block by block. PO and XLIFF carry their own.
   */
  source?: string | undefined
}

export interface CheckResult {
  /** Findings, in document order. */
  messages: MtlintMessage[]
  /**
   * The text with every applied fix. Built when first read (as `patch`):
   * on a long text each is about as large as the text.
   */
  readonly fixed: string
  /** Unified diff from the text to `fixed` ('' when nothing is fixed). */
  readonly patch: string
  /** Fixes applied, and fixes skipped because they overlapped another. */
  applied: Edit[]
  skipped: SkippedEdit[]
  file: VFile
}

/** Lint `text` with the mtlint preset. */
export async function check(
  text: string,
  options: CheckOptions = {}
): Promise<CheckResult> {
  const {path: filePath, type = 'text', source, ...settings} = options
  if (source !== undefined && typesWithSource.has(type)) {
    throw new OptionsError(`a ${type} file carries its own source; \`source\` is for text, markdown and json`)
  }

  let file: VFile
  if (type === 'text') {
    file = new VFile({value: text, path: filePath})
    if (source !== undefined) file.data.mtlintSources = alignSource(text, source)
    lintDocument(file, prepareRules(undefined, settings))
  } else {
    file = (await lintStructured(text, type, settings, filePath, source)).file
  }

  const messages = sortMessages(file.messages as MtlintMessage[])
  file.messages = messages
  const name = filePath ? diffName(filePath) : 'text'
  const fixes = applyFixes(text, messages, {fileName: name})
  return {
    messages,
    applied: fixes.applied,
    skipped: fixes.skipped,
    file,
    get fixed() {
      return fixes.fixed
    },
    get patch() {
      return fixes.patch
    }
  }
}

export interface CheckFileOptions extends MtlintOptions {
  /** The file type; by default from the extension (see `CheckOptions.type`). */
  type?: FileType | undefined
  /** The source text the file translates (see `CheckOptions.source`). */
  source?: string | undefined
  /**
   * Where options come from besides those given here: `true` (default)
   * searches up from the file for `.mtlintrc.json` / `package.json`, a
   * string names one config file, `false` uses none. Options given here
   * override the file's.
   */
  config?: boolean | string | undefined
}

/**
 * Read `filePath` strictly (UTF-8, not binary) and lint it as the type its
 * extension says (`.md`, `.po`, `.xlf`, `.json`…) unless `type` is given.
 */
export async function checkFile(
  filePath: string,
  options: CheckFileOptions = {}
): Promise<CheckResult> {
  const {config = true, type = typeFromPath(filePath), source, ...given} = options
  const text = await readTextFile(filePath)
  const fromConfig =
    config === false
      ? {}
      : typeof config === 'string'
        ? loadConfigFile(config).options
        : findConfig(path.dirname(path.resolve(filePath))).options
  return check(text, {...mergeOptions(fromConfig, given), path: filePath, type, source})
}

/** Options from a config file, overridden by options given in code. */
export function mergeOptions(base: MtlintOptions, over: MtlintOptions): MtlintOptions {
  return {
    rules: {...base.rules, ...over.rules},
    allow: [...(base.allow ?? []), ...(over.allow ?? [])]
  }
}

function sortMessages(messages: MtlintMessage[]): MtlintMessage[] {
  return messages
    .map((message, index) => ({message, index}))
    .sort(
      (a, b) =>
        offsetOf(a.message) - offsetOf(b.message) ||
        (a.message.ruleId ?? '').localeCompare(b.message.ruleId ?? '') ||
        a.index - b.index
    )
    .map(({message}) => message)
}

function offsetOf(message: MtlintMessage): number {
  const place = message.place
  if (place && 'start' in place) return place.start.offset ?? 0
  return place?.offset ?? 0
}

/** The file's path in diff headers: relative to the working folder when inside it. */
function diffName(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath)
  return toPosix(relative && !relative.startsWith('..') ? relative : path.resolve(filePath))
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/')
}
