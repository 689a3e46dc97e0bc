/**
 * 主体库 demo records: the demo accounts' people and company, a dozen residents of the Bazhong
 * counties, and organisations of each kind (企业、事业单位、社会组织、机关 — the demo departments).
 * Every identifier is built with its check characters, so the registry's checks accept it.
 */
import type { UpsertSubject } from '@tongban/contracts';
import { makeCreditCode } from '@tongban/domain';
import type { Db } from '../../src/platform/db/client.ts';
import type { SubjectsService } from '../../src/modules/subjects/index.ts';
import { demoCitizen, demoCountyDepartment, demoDepartments, demoEnterprise, residentId } from './demo-data.ts';

const police = '巴中市公安局（人口库）';
const market = '巴中市市场监督管理局（市场主体登记）';

const person = (name: string, id17: string, address: string, phone: string): UpsertSubject => ({
  kind: 'person',
  identifier: residentId(id17),
  name,
  status: 'active',
  source: police,
  details: { ethnicity: '汉族', address, phone },
});

export const demoPersons: UpsertSubject[] = [
  person(demoCitizen.displayName, demoCitizen.residentId.slice(0, 17), '四川省巴中市巴州区江北大道东段88号', demoCitizen.phone),
  person(demoEnterprise.displayName, demoEnterprise.residentId.slice(0, 17), '四川省巴中市巴州区回风大道12号', demoEnterprise.phone),
  person('王建国', '51190219650812301', '四川省巴中市巴州区清江镇红旗村3组', '13981600011'),
  person('刘秀英', '51190219700304162', '四川省巴中市巴州区清江镇石桥村5组', '13981600012'),
  person('陈志强', '51190319820617451', '四川省巴中市恩阳区登科街道柳林路6号', '13981600013'),
  person('杨丽', '51190319951121262', '四川省巴中市恩阳区义兴路23号', '13981600014'),
  person('赵伟', '51192119780209671', '四川省巴中市通江县诺江镇壁州大道99号', '13981600015'),
  person('黄敏', '51192119880730322', '四川省巴中市通江县诺江镇红军路7号', '13981600016'),
  person('周杰', '51192219900505131', '四川省巴中市南江县南江镇朝阳路15号', '13981600017'),
  person('吴芳', '51192219930918284', '四川省巴中市南江县南江镇光雾山大道2号', '13981600018'),
  person('徐磊', '51192319860101559', '四川省巴中市平昌县江口镇同州街31号', '13981600019'),
  person('孙燕', '51192320010606206', '四川省巴中市平昌县江口镇佛楼路4号', '13981600020'),
];

const organisation = (
  kind: UpsertSubject['kind'],
  name: string,
  identifier: string,
  source: string,
  details: { legalRepresentative?: string; address: string; establishedOn: string; registrationAuthority: string; scope: string; phone?: string },
): UpsertSubject => ({ kind, identifier, name, status: 'active', source, details });

export const demoOrganisations: UpsertSubject[] = [
  organisation('enterprise', demoEnterprise.organisationName, demoEnterprise.creditCode, market, {
    legalRepresentative: demoEnterprise.displayName,
    address: '四川省巴中市巴州区江北大道东段88号',
    establishedOn: '2021-06-18',
    registrationAuthority: '巴中市巴州区市场监督管理局',
    scope: '餐饮服务；食品销售；外卖递送服务',
  }),
  organisation('enterprise', '巴中市光雾山旅游开发有限公司', makeCreditCode('9', '1', '511900', 'MA6BJ002'), market, {
    legalRepresentative: '陈志强',
    address: '四川省巴中市南江县光雾山镇桃园路1号',
    establishedOn: '2015-03-20',
    registrationAuthority: '巴中市市场监督管理局',
    scope: '旅游景区管理；酒店管理；旅游咨询服务',
  }),
  organisation('enterprise', '巴州区老张面馆', makeCreditCode('9', '2', '511902', 'MA6BJ003'), market, {
    legalRepresentative: '王建国',
    address: '四川省巴中市巴州区东城街道新市街18号',
    establishedOn: '2019-08-01',
    registrationAuthority: '巴中市巴州区市场监督管理局',
    scope: '小餐饮',
  }),
  organisation('enterprise', '南江县金银花种植专业合作社', makeCreditCode('9', '3', '511922', 'MA6BJ004'), market, {
    legalRepresentative: '周杰',
    address: '四川省巴中市南江县南江镇沙河村2组',
    establishedOn: '2017-04-12',
    registrationAuthority: '南江县市场监督管理局',
    scope: '金银花种植、收购、销售；农业技术服务',
  }),
  organisation('institution', '巴中市中心医院', makeCreditCode('1', '2', '511900', '45000001'), '巴中市委编办（事业单位登记）', {
    legalRepresentative: '杨丽',
    address: '四川省巴中市巴州区江北大道西段36号',
    establishedOn: '1951-10-01',
    registrationAuthority: '巴中市事业单位登记管理局',
    scope: '为人民身体健康提供医疗与护理保健服务',
    phone: '0827-5222120',
  }),
  organisation('institution', '巴中市第一中学', makeCreditCode('1', '2', '511902', '45000002'), '巴中市委编办（事业单位登记）', {
    legalRepresentative: '赵伟',
    address: '四川省巴中市巴州区红碑路1号',
    establishedOn: '1939-09-01',
    registrationAuthority: '巴中市事业单位登记管理局',
    scope: '实施普通高中学历教育',
  }),
  organisation('social_org', '巴中市餐饮行业协会', makeCreditCode('5', '1', '511900', 'MJ000001'), '巴中市民政局（社会组织登记）', {
    legalRepresentative: '徐磊',
    address: '四川省巴中市巴州区兴文路9号',
    establishedOn: '2012-05-18',
    registrationAuthority: '巴中市民政局',
    scope: '行业自律、行业培训、交流合作',
  }),
  organisation('social_org', '巴州区阳光养老服务中心', makeCreditCode('5', '2', '511902', 'MJ000002'), '巴中市民政局（社会组织登记）', {
    legalRepresentative: '刘秀英',
    address: '四川省巴中市巴州区清江镇红旗村1组',
    establishedOn: '2018-11-08',
    registrationAuthority: '巴中市巴州区民政局',
    scope: '居家养老、日间照料、助餐服务',
  }),
  organisation('social_org', '巴中市慈善基金会', makeCreditCode('5', '3', '511900', 'MJ000003'), '巴中市民政局（社会组织登记）', {
    legalRepresentative: '黄敏',
    address: '四川省巴中市巴州区南池路22号',
    establishedOn: '2008-06-01',
    registrationAuthority: '巴中市民政局',
    scope: '扶贫济困、助学助医、灾害救助',
  }),
  ...[...demoDepartments, demoCountyDepartment].map((d) =>
    organisation('government', d.name, d.creditCode, '巴中市委编办（机关赋码）', {
      address: d.regionCode === '511900' ? '四川省巴中市巴州区江北大道行政中心' : '四川省巴中市巴州区行政中心',
      establishedOn: '2000-12-01',
      registrationAuthority: '巴中市委机构编制委员会办公室',
      scope: `${d.shortName}职能`,
      phone: d.phone,
    }),
  ),
];

/** Fills the registry when it is empty (a registry an admin has changed is left as it is). */
export async function seedDemoSubjects(db: Db, subjects: SubjectsService): Promise<void> {
  if (await subjects.hasAny()) return;
  await db.transaction(async (tx) => {
    for (const s of [...demoPersons, ...demoOrganisations]) await subjects.importRecord(tx, s);
  });
}
