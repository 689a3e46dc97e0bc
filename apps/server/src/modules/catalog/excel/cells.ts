/** Reading a cell into a value of its column's kind, and writing a value back into a cell. */
import type ExcelJS from 'exceljs';
import type { ColumnKind } from './columns.ts';
import { codeOf, displayOf, yesNo } from './vocabulary.ts';

/** A cell's content, whatever Excel stored (formula results, rich text and links are read as their text). */
export type Raw = { kind: 'blank' } | { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'bool'; value: boolean } | { kind: 'bad' };

const BLANK: Raw = { kind: 'blank' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function readCell(value: unknown): Raw {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'string') return value.trim() === '' ? BLANK : { kind: 'text', text: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'bad' };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'bad' } : { kind: 'text', text: value.toISOString().slice(0, 10) };
  if (!isRecord(value)) return { kind: 'bad' };
  if ('error' in value) return { kind: 'bad' };
  if (Array.isArray(value.richText)) {
    return readCell(value.richText.map((r: unknown) => (isRecord(r) && typeof r.text === 'string' ? r.text : '')).join(''));
  }
  if ('formula' in value || 'sharedFormula' in value) return readCell(value.result);
  if ('hyperlink' in value) return readCell(value.text);
  return { kind: 'bad' };
}

/** The result of reading one cell: a value for the content, or the message key of what is wrong. */
export type Parsed = { ok: true; value: unknown; blank: boolean } | { ok: false; message: string; detail?: string };

const ok = (value: unknown, blank = false): Parsed => ({ ok: true, value, blank });
const fail = (message: string, detail?: string): Parsed => (detail === undefined ? { ok: false, message } : { ok: false, message, detail });

const asText = (raw: Raw): string | undefined => {
  switch (raw.kind) {
    case 'text':
      return raw.text;
    case 'number':
      return String(raw.value);
    case 'bool':
      return raw.value ? '是' : '否';
    default:
      return undefined;
  }
};

const TRUE_WORDS = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', 'N', 'NO', 'FALSE', '0', '×', '✗']);
/** Separators of code lists: ；; ,， 、 and line breaks. */
const CODE_SEPARATORS = /[;；,，、\r\n]+/;
/** Separators of word lists: ；; and line breaks (words may contain commas). */
const WORD_SEPARATORS = /[;；\r\n]+/;

/** Reads a cell as its column's kind. Blank cells give the value the contract defaults from. */
export function parseCell(kind: ColumnKind, raw: Raw): Parsed {
  if (raw.kind === 'bad') return fail('catalogExcel.cellType');
  const blank = raw.kind === 'blank';
  switch (kind.type) {
    case 'text': {
      if (blank) return ok(kind.nullable ? null : '', true);
      const s = asText(raw)!;
      return ok(kind.code ? s.trim().toUpperCase() : s);
    }
    case 'int': {
      if (blank) return ok(undefined, true);
      const n = raw.kind === 'number' ? raw.value : raw.kind === 'text' && /^\s*\d+\s*$/.test(raw.text) ? Number(raw.text) : NaN;
      return Number.isSafeInteger(n) && n >= 0 ? ok(n) : fail('catalogExcel.integer');
    }
    case 'bool': {
      if (blank) return ok(undefined, true);
      if (raw.kind === 'bool') return ok(raw.value);
      const s = asText(raw)!.trim().toUpperCase();
      if (TRUE_WORDS.has(s)) return ok(true);
      if (FALSE_WORDS.has(s)) return ok(false);
      return fail('catalogExcel.boolean');
    }
    case 'choice': {
      if (blank) return ok(undefined, true);
      const found = codeOf(kind.list, asText(raw)!);
      return found === undefined ? fail('catalogExcel.choice', allowed(kind.list)) : ok(found);
    }
    case 'choices': {
      if (blank) return ok([], true);
      const tokens = asText(raw)!
        .split(CODE_SEPARATORS)
        .map((t) => t.trim())
        .filter(Boolean);
      const codes = tokens.map((t) => codeOf(kind.list, t));
      const bad = tokens.filter((_t, i) => codes[i] === undefined);
      return bad.length ? fail('catalogExcel.choices', `${bad.join('、')} ∉ ${allowed(kind.list)}`) : ok(codes);
    }
    case 'words': {
      if (blank) return ok([], true);
      return ok(
        asText(raw)!
          .split(WORD_SEPARATORS)
          .map((t) => t.trim())
          .filter(Boolean),
      );
    }
    case 'json': {
      if (blank) return ok(undefined, true);
      try {
        const value: unknown = JSON.parse(asText(raw)!);
        return isRecord(value) && !Array.isArray(value) ? ok(value) : fail('catalogExcel.json');
      } catch {
        return fail('catalogExcel.json');
      }
    }
  }
}

function allowed(list: { values: readonly { code: string }[] } & Parameters<typeof displayOf>[0]): string {
  return list.values.map((v) => displayOf(list, v.code)).join('、');
}

/** The cell value that stands for a content value (the inverse of `parseCell`). */
export function writeCell(kind: ColumnKind, value: unknown): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  const strings = Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  switch (kind.type) {
    case 'text':
      return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
    case 'int':
      return typeof value === 'number' ? value : null;
    case 'bool':
      return displayOf(yesNo, value === true ? 'true' : 'false');
    case 'choice':
      return typeof value === 'string' ? displayOf(kind.list, value) : null;
    case 'choices':
      return strings.length ? strings.map((c) => displayOf(kind.list, c)).join('；') : null;
    case 'words':
      return strings.length ? strings.join('；') : null;
    case 'json':
      return JSON.stringify(value);
  }
}
