/**
 * Report formats for the CLI:
 * - `stylish` (default): the ecosystem's `vfile-reporter`;
 * - `json`: `vfile-reporter-json`'s shape (with `place`, `ruleId`, `actual`,
 *   `expected`), plus `fix` on each message;
 * - `github`: GitHub Actions workflow annotations (`::warning file=…::…`);
 * - `sarif`: SARIF 2.1.0 for code-scanning upload, fixes included.
 */
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {reporterJson} from 'vfile-reporter-json'
import {rules} from '../rules/index.js'
import {docsBase, type MtlintMessage} from './rule-kit.js'

export const formats = ['stylish', 'json', 'github', 'sarif'] as const
export type Format = (typeof formats)[number]

export function formatReport(files: VFile[], format: Format, options: {color?: boolean} = {}): string {
  switch (format) {
    case 'json':
      return json(files)
    case 'github':
      return github(files)
    case 'sarif':
      return sarif(files)
    default:
      return reporter(files, {color: options.color ?? false})
  }
}

function json(files: VFile[]): string {
  const data = JSON.parse(reporterJson(files)) as Array<{messages: Array<Record<string, unknown>>}>
  data.forEach((entry, fileIndex) => {
    const messages = files[fileIndex]!.messages as MtlintMessage[]
    entry.messages.forEach((message, index) => {
      // Syntax-tree ancestors are internal detail, and large.
      delete message.ancestors
      message.fix = messages[index]?.fix ?? false
    })
  })
  return JSON.stringify(data, null, 2)
}

interface Span {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

function span(message: MtlintMessage): Span {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  return {
    startLine: start?.line ?? 1,
    startColumn: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1
  }
}

function github(files: VFile[]): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of file.messages as MtlintMessage[]) {
      const where = span(message)
      const level = message.fatal ? 'error' : 'warning'
      const suggestion = message.expected?.length
        ? ` (${message.fix ? 'fix' : 'suggestion'}: ${message.expected.map((e) => '`' + e + '`').join(', ')})`
        : ''
      const properties = [
        `file=${escapeProperty(file.path || '<stdin>')}`,
        `line=${where.startLine}`,
        `endLine=${where.endLine}`,
        `col=${where.startColumn}`,
        `endColumn=${where.endColumn}`,
        `title=${escapeProperty('mtlint ' + (message.ruleId ?? ''))}`
      ]
      lines.push(`::${level} ${properties.join(',')}::${escapeData(message.reason + suggestion)}`)
    }
  }

  return lines.join('\n')
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function sarif(files: VFile[]): string {
  const results: unknown[] = []
  for (const file of files) {
    const uri = (file.path || 'stdin').split('\\').join('/')
    for (const message of file.messages as MtlintMessage[]) {
      const where = span(message)
      const region = {
        startLine: where.startLine,
        startColumn: where.startColumn,
        endLine: where.endLine,
        endColumn: where.endColumn
      }
      const result: Record<string, unknown> = {
        ruleId: message.ruleId ?? 'mtlint',
        level: message.fatal ? 'error' : 'warning',
        message: {text: message.reason},
        locations: [{physicalLocation: {artifactLocation: {uri}, region}}]
      }
      if (message.fix && message.expected?.[0] !== undefined) {
        result.fixes = [
          {
            description: {text: `Replace with \`${message.expected[0]}\``},
            artifactChanges: [
              {
                artifactLocation: {uri},
                replacements: [{deletedRegion: region, insertedContent: {text: message.expected[0]}}]
              }
            ]
          }
        ]
      }

      results.push(result)
    }
  }

  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'mtlint',
              informationUri: 'https://github.com/mtlint/mtlint',
              rules: rules.map((rule) => ({
                id: rule.id,
                shortDescription: {text: rule.description},
                helpUri: docsBase + rule.id + '/README.md'
              }))
            }
          },
          results
        }
      ]
    },
    null,
    2
  )
}
