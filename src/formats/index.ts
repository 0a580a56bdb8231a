/**
 * File types mtlint lints where translations live, chosen by extension
 * (`--type` overrides): plain text, Markdown, gettext PO, XLIFF 1.2/2.x and
 * JSON catalogues. Each format module extracts the translated strings as
 * segments (see `segments.ts`); plain text is linted as it is.
 */
import path from 'node:path'
import type {MtlintOptions} from '../preset.js'
import {lintSegments, type Segment, type SegmentsResult} from './segments.js'

export {FormatError} from './segments.js'

export const fileTypes = ['text', 'markdown', 'po', 'xliff', 'json'] as const
export type FileType = (typeof fileTypes)[number]

const byExtension: Record<string, FileType> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  po: 'po',
  pot: 'po',
  xlf: 'xliff',
  xliff: 'xliff',
  json: 'json',
  arb: 'json'
}

/** Types whose files carry their own source (PO `msgid`, XLIFF `<source>`). */
export const typesWithSource: ReadonlySet<FileType> = new Set(['po', 'xliff'])

/** The file type of a path by its extension; plain text when unknown. */
export function typeFromPath(filePath: string): FileType {
  return byExtension[path.extname(filePath).slice(1).toLowerCase()] ?? 'text'
}

export function isFileType(value: string): value is FileType {
  return (fileTypes as readonly string[]).includes(value)
}

/**
 * Lint a structured file (not plain text): extract its segments, pair them
 * with `source` when given (a file of the same type: JSON by key path,
 * Markdown block by block when the counts agree, else as a whole), lint.
 * Throws a `FormatError` when the file cannot be parsed.
 *
 * Each format's parser is loaded when a file of its type comes: plain text,
 * the common case, then never loads them (~15 MB).
 */
export async function lintStructured(
  raw: string,
  type: Exclude<FileType, 'text'>,
  settings: MtlintOptions,
  filePath: string | undefined,
  source?: string | undefined
): Promise<SegmentsResult> {
  let segments: Segment[]
  let documentSource: string | undefined
  switch (type) {
    case 'po':
      segments = (await import('./po.js')).extractPo(raw)
      break
    case 'xliff':
      segments = (await import('./xliff.js')).extractXliff(raw)
      break
    case 'json':
      segments = (await import('./json.js')).extractJson(raw, source)
      break
    case 'markdown': {
      const {extractMarkdown} = await import('./markdown.js')
      segments = extractMarkdown(raw)
      if (source !== undefined) {
        const sources = extractMarkdown(source)
        if (sources.length === segments.length) {
          segments.forEach((segment, index) => (segment.source = sources[index]!.text))
        } else {
          documentSource = sources.map((segment) => segment.text).join('\n\n')
        }
      }

      break
    }
  }

  return lintSegments(raw, segments, settings, filePath, documentSource)
}
