import { describe, expect, it } from 'vitest';
import { mergeBundleMaterials, type BundleMaterialInput } from './bundle-materials.ts';

const material = (over: Partial<BundleMaterialInput> & { name: string }): BundleMaterialInput => ({
  kind: 'copy',
  form: 'paper',
  originalCopies: 0,
  copyCopies: 1,
  necessity: 'optional',
  source: 'applicant',
  licenceType: null,
  commitmentAllowed: true,
  ...over,
});

describe('mergeBundleMaterials (一件事 材料合并)', () => {
  it('lists a licence asked for by several items once, as strictly as the strictest item asks', () => {
    const merged = mergeBundleMaterials([
      { implCode: 'A', name: '甲', materials: [material({ name: '居民身份证', source: 'licence_library', licenceType: 'ID_CARD', necessity: 'optional' })] },
      {
        implCode: 'B',
        name: '乙',
        materials: [
          material({ name: '经营者居民身份证', source: 'licence_library', licenceType: 'ID_CARD', kind: 'original', originalCopies: 1, necessity: 'required' }),
          material({ name: '经营场所证明' }),
        ],
      },
      {
        implCode: 'C',
        name: '丙',
        materials: [material({ name: '身份证', source: 'licence_library', licenceType: 'ID_CARD', necessity: 'deferrable', copyCopies: 2 })],
      },
    ]);
    expect(merged.map((m) => m.key)).toEqual(['licence:ID_CARD', 'name:经营场所证明']);
    expect(merged[0]).toMatchObject({
      name: '居民身份证',
      kind: 'original_and_copy',
      originalCopies: 1,
      copyCopies: 2,
      necessity: 'required',
      usedBy: [
        { implCode: 'A', name: '甲' },
        { implCode: 'B', name: '乙' },
        { implCode: 'C', name: '丙' },
      ],
    });
  });

  it('merges same-named materials (ignoring spaces), keeps different ones apart, and allows a commitment only when every item does', () => {
    const merged = mergeBundleMaterials([
      { implCode: 'A', name: '甲', materials: [material({ name: '经营场所 使用证明', commitmentAllowed: true, form: 'paper' })] },
      {
        implCode: 'B',
        name: '乙',
        materials: [material({ name: '经营场所使用证明', commitmentAllowed: false, form: 'electronic' }), material({ name: '申请书', source: 'online_form' })],
      },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ commitmentAllowed: false, form: 'paper_and_electronic', usedBy: [{ implCode: 'A' }, { implCode: 'B' }] });
    expect(merged[1]).toMatchObject({ name: '申请书', usedBy: [{ implCode: 'B' }] });
  });

  it('does not list an item twice when it asks for the same material twice', () => {
    const merged = mergeBundleMaterials([{ implCode: 'A', name: '甲', materials: [material({ name: '照片' }), material({ name: '照片', copyCopies: 3 })] }]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ copyCopies: 3, usedBy: [{ implCode: 'A' }] });
  });
});
