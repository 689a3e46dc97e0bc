import { describe, expect, it } from 'vitest';
import { PUBLISH_RULE_IDS } from '@tongban/domain';
import { fieldMessage, pickLanguage } from './i18n.ts';

describe('field messages', () => {
  it('explain every publishing rule in Chinese and English', () => {
    for (const rule of PUBLISH_RULE_IDS) {
      expect(fieldMessage(`catalog.rule.${rule}`, 'zh'), rule).toMatch(/\p{Script=Han}/u);
      expect(fieldMessage(`catalog.rule.${rule}`, 'en'), rule).toMatch(/^[A-Z].*[a-z]{4}/);
    }
  });

  it('pick English only when the caller asks for it first', () => {
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage('zh-CN,en;q=0.5')).toBe('zh');
    expect(pickLanguage(undefined)).toBe('zh');
  });
});
