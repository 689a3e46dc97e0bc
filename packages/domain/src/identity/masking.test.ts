import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { maskCreditCode, maskEmail, maskName, maskPhone, maskResidentId } from './masking.ts';

describe('masking', () => {
  it('masks resident IDs keeping the first 6 and last 4', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
  });

  it('masks credit codes keeping the first 8 and last 2', () => {
    expect(maskCreditCode('91350100M000100Y43')).toBe('91350100********43');
  });

  it('masks phone numbers', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('057188001234')).toBe('057*******34');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('masks names', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜')).toBe('欧**');
    expect(maskName('张')).toBe('张');
    expect(maskName('𠀀明')).toBe('𠀀*');
  });

  it('masks email addresses', () => {
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskEmail('z@example.com')).toBe('z***@example.com');
    expect(maskEmail('@example.com')).toBe('***@example.com');
    expect(maskEmail('not-an-email')).toBe('n***');
  });

  it('tolerates short and empty input', () => {
    expect(maskResidentId('')).toBe('');
    expect(maskResidentId('1234')).toBe('****');
    expect(maskCreditCode('913')).toBe('***');
    expect(maskPhone('')).toBe('');
    expect(maskName('')).toBe('');
    expect(maskName('  ')).toBe('');
    expect(maskEmail('')).toBe('');
  });

  it('never throws on arbitrary input', () => {
    const maskers = [maskResidentId, maskCreditCode, maskPhone, maskName, maskEmail];
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const mask of maskers) {
          expect(typeof mask(s)).toBe('string');
        }
      }),
    );
  });
});
