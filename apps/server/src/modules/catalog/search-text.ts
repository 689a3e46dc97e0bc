/**
 * Chinese word segmentation for search (jieba, search mode): the index side cuts an item's
 * name and keywords into words, the query side cuts what people type the same way.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

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

/** A `to_tsquery('simple', …)` expression matching any word of the query, or null when nothing is left. */
export function queryExpression(q: string): string | null {
  const terms = [...new Set(words(q))];
  return terms.length ? terms.join(' | ') : null;
}
