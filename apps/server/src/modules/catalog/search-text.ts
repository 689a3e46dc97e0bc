/**
 * Chinese word segmentation for search (jieba, search mode): the index side cuts an item's
 * name and keywords into words, the query side cuts what people type the same way. Pinyin
 * (pinyin-pro) gives a second, sound-based key: a homophone typo (营业执招) or pinyin typed
 * on a phone (yingyezhizhao, yyzz) still finds the item.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';

const jieba = Jieba.withDict(dict);
/** Words that carry no meaning for search (了, 的, 怎么, 办理 …). */
const stopWords = new Set(['了', '的', '吗', '呢', '啊', '怎么', '如何', '我', '要', '想', '办', '办理', '申请', '在哪', '哪里']);

function words(text: string): string[] {
  return jieba
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => /^[\p{Script=Han}a-z0-9]+$/u.test(w) && !stopWords.has(w));
}

/** The text stored in `catalog_items.search_text`: distinct words separated by spaces. */
export function indexText(parts: string[]): string {
  return [...new Set(parts.flatMap(words))].join(' ');
}

/** The `to_tsquery('simple', …)` expressions of a query: every word (`a & b`) and any word (`a | b`); null when nothing is left. */
export function queryExpressions(q: string): { all: string; any: string } | null {
  const terms = [...new Set(words(q))];
  return terms.length ? { all: terms.join(' & '), any: terms.join(' | ') } : null;
}

function syllables(text: string, pattern: 'pinyin' | 'first'): string {
  return pinyin(text, { pattern, toneType: 'none', type: 'array', nonZh: 'removed', v: true }).join('').toLowerCase();
}

/** The text stored in `catalog_items.search_pinyin`: each part as full toneless pinyin and as initials. */
export function pinyinText(parts: string[]): string {
  const keys = parts.flatMap((p) => {
    const han = p.replace(/[^\p{Script=Han}]/gu, '');
    return han ? [syllables(han, 'pinyin'), syllables(han, 'first')] : [];
  });
  return [...new Set(keys)].join(' ');
}

/**
 * What a query sounds like, to match against `search_pinyin`: Chinese becomes toneless pinyin,
 * Latin letters are taken as typed pinyin or initials. Null when too short to mean anything.
 */
export function pinyinQuery(q: string): string | null {
  const han = q.replace(/[^\p{Script=Han}]/gu, '');
  const key = han ? syllables(han, 'pinyin') : q.toLowerCase().replace(/[^a-z]/g, '');
  return key.length >= 3 ? key : null;
}
