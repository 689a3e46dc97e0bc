// Test data shared by the licence tests (not exported from the barrel): a renewed (version 2)
// 住建部 安管人员 licence built on the public identifiers of STANDARDS §4.1.
import type { LicenceContent } from './licence-content.ts';

/** Defining authority (证照定义机构) of the public examples: 中华人民共和国住房和城乡建设部. */
export const MOHURD = '11100000000013338W';

/** A fresh copy each call, so tests may mutate it. */
export const sampleLicence = (): LicenceContent => ({
  identifier: `1.2.156.3005.2.${MOHURD}011.11430000006122244L.20230000403.002.S`,
  typeCode: `${MOHURD}011`,
  holder: { idType: '111', idNumber: '11010519491231002X', name: '张三' },
  issuer: { code: '11430000006122244L', name: '湖南省住房和城乡建设厅' },
  issueDate: '2026-03-02',
  validFrom: '2026-03-02',
  validUntil: '2029-03-01',
  data: { category: 'B', position: '项目负责人', company: { name: '示例建设有限公司', code: '91350100M000100Y43' }, scope: ['房屋建筑', '市政'] },
  version: 2,
  previousIdentifier: `1.2.156.3005.2.${MOHURD}011.11430000006122244L.20230000403.001.U`,
});
