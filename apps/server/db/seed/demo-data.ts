/**
 * Demo region: Bazhong City, Sichuan (巴中市, 511900). County-level codes are the real GB/T 2260
 * codes; township and village codes below them, the addresses and the credit codes are
 * illustrative (well formed and check-digit valid, not the real bodies' codes).
 */
import { makeCreditCode, residentIdCheckChar } from '@tongban/domain';

export const demoPassword = 'Tongban@2026';

export const demoRegions: { code: string; name: string; parentCode: string | null }[] = [
  { code: '510000', name: '四川省', parentCode: null },
  { code: '511900', name: '巴中市', parentCode: '510000' },
  { code: '511902', name: '巴州区', parentCode: '511900' },
  { code: '511903', name: '恩阳区', parentCode: '511900' },
  { code: '511921', name: '通江县', parentCode: '511900' },
  { code: '511922', name: '南江县', parentCode: '511900' },
  { code: '511923', name: '平昌县', parentCode: '511900' },
  { code: '511902001000', name: '东城街道', parentCode: '511902' },
  { code: '511902002000', name: '西城街道', parentCode: '511902' },
  { code: '511902003000', name: '回风街道', parentCode: '511902' },
  { code: '511902004000', name: '江北街道', parentCode: '511902' },
  { code: '511902101000', name: '清江镇', parentCode: '511902' },
  { code: '511902101201', name: '红旗村', parentCode: '511902101000' },
  { code: '511902101202', name: '石桥村', parentCode: '511902101000' },
  { code: '511903001000', name: '登科街道', parentCode: '511903' },
  { code: '511921001000', name: '诺江镇', parentCode: '511921' },
  { code: '511922001000', name: '南江镇', parentCode: '511922' },
  { code: '511923001000', name: '江口镇', parentCode: '511923' },
];

const gov = (n: number, region = '511900') => makeCreditCode('1', '1', region, `0087${String(n).padStart(4, '0')}`);

export const demoDepartments = [
  { key: 'centre', name: '巴中市政务服务和公共资源交易服务中心', shortName: '市政务服务中心', phone: '0827-5268000' },
  { key: 'market', name: '巴中市市场监督管理局', shortName: '市市场监管局', phone: '0827-5261315' },
  { key: 'police', name: '巴中市公安局', shortName: '市公安局', phone: '0827-5223110' },
  { key: 'hrss', name: '巴中市人力资源和社会保障局', shortName: '市人社局', phone: '0827-5268123' },
  { key: 'civil', name: '巴中市民政局', shortName: '市民政局', phone: '0827-5268345' },
  { key: 'land', name: '巴中市自然资源和规划局', shortName: '市自然资源规划局', phone: '0827-5268456' },
  { key: 'housing', name: '巴中市住房和城乡建设局', shortName: '市住建局', phone: '0827-5268567' },
  { key: 'health', name: '巴中市卫生健康委员会', shortName: '市卫健委', phone: '0827-5268678' },
  { key: 'education', name: '巴中市教育局', shortName: '市教育局', phone: '0827-5268789' },
  { key: 'transport', name: '巴中市交通运输局', shortName: '市交通运输局', phone: '0827-5268890' },
  { key: 'ecology', name: '巴中市生态环境局', shortName: '市生态环境局', phone: '0827-5268901' },
  { key: 'fund', name: '巴中市住房公积金管理中心', shortName: '市公积金中心', phone: '0827-12329' },
  { key: 'medical', name: '巴中市医疗保障局', shortName: '市医保局', phone: '0827-5269012' },
].map((d, i) => ({ ...d, regionCode: '511900', creditCode: gov(i + 1) }));

export const demoCountyDepartment = {
  key: 'bzMarket',
  name: '巴中市巴州区市场监督管理局',
  shortName: '巴州区市场监管局',
  phone: '0827-5333315',
  regionCode: '511902',
  creditCode: gov(51, '511902'),
};

export const demoHalls = [
  {
    key: 'cityHall',
    name: '巴中市政务服务中心',
    kind: 'centre' as const,
    regionCode: '511900',
    address: '四川省巴中市巴州区江北大道东段市民中心',
    phone: '0827-5268000',
    openingHours: '周一至周五 9:00-12:00，13:30-17:30（法定节假日除外）；周六上午延时服务',
    windows: [
      { number: 'A01', name: '综合受理窗口', kind: 'comprehensive' as const, dept: null },
      { number: 'A02', name: '综合受理窗口', kind: 'comprehensive' as const, dept: null },
      { number: 'A03', name: '综合受理窗口', kind: 'comprehensive' as const, dept: null },
      { number: 'B01', name: '市场监管专窗', kind: 'department' as const, dept: 'market' },
      { number: 'B02', name: '公安户政窗口', kind: 'department' as const, dept: 'police' },
      { number: 'B03', name: '社保医保窗口', kind: 'department' as const, dept: 'hrss' },
      { number: 'B04', name: '不动产登记窗口', kind: 'department' as const, dept: 'land' },
      { number: 'B05', name: '公积金窗口', kind: 'department' as const, dept: 'fund' },
      { number: 'C01', name: '统一出件窗口', kind: 'delivery' as const, dept: null },
      { number: 'D01', name: '咨询导办台', kind: 'consultation' as const, dept: null },
      { number: 'E01', name: '帮办代办窗口', kind: 'assistance' as const, dept: null },
      { number: 'G01', name: '绿色通道（老年人、残疾人、军人优先）', kind: 'green_channel' as const, dept: null },
      { number: 'Z01', name: '24小时自助服务区', kind: 'self_service' as const, dept: null },
    ],
  },
  {
    key: 'townHall',
    name: '巴州区东城街道便民服务中心',
    kind: 'township_centre' as const,
    regionCode: '511902001000',
    address: '四川省巴中市巴州区东城街道办事处一楼',
    phone: '0827-5333001',
    openingHours: '周一至周五 9:00-12:00，14:00-17:30',
    windows: [
      { number: '01', name: '综合受理窗口', kind: 'comprehensive' as const, dept: null },
      { number: '02', name: '社保医保窗口', kind: 'department' as const, dept: 'hrss' },
    ],
  },
  {
    key: 'villagePoint',
    name: '清江镇红旗村便民服务代办点',
    kind: 'village_point' as const,
    regionCode: '511902101201',
    address: '四川省巴中市巴州区清江镇红旗村党群服务中心',
    phone: null,
    openingHours: '每日 8:30-12:00，14:00-18:00（农忙时节预约上门）',
    windows: [{ number: '01', name: '代办服务台', kind: 'assistance' as const, dept: null }],
  },
];

export const residentId = (prefix17: string) => `${prefix17}${residentIdCheckChar(prefix17)}`;

/** Demo accounts, one per role. All share `demoPassword`. */
export const demoAccounts = [
  {
    username: 'admin',
    phone: '13908270001',
    displayName: '王芳',
    roles: ['centre_admin'],
    dept: 'centre',
    region: '511900',
    sub: true,
    window: null,
    what: '政务服务中心管理员 · 管理后台',
  },
  {
    username: 'deptadmin',
    phone: '13908270002',
    displayName: '刘洋',
    roles: ['dept_admin'],
    dept: 'market',
    region: '511900',
    sub: false,
    window: null,
    what: '部门管理员（市市场监管局）· 管理后台',
  },
  {
    username: 'window01',
    phone: '13908270003',
    displayName: '陈静',
    roles: ['window'],
    dept: 'centre',
    region: '511900',
    sub: false,
    window: 'cityHall:A01',
    what: '窗口人员（A01 综合受理）· 工作台',
  },
  {
    username: 'reviewer01',
    phone: '13908270004',
    displayName: '李明',
    roles: ['reviewer'],
    dept: 'market',
    region: '511900',
    sub: false,
    window: null,
    what: '审查人员（市市场监管局）· 工作台',
  },
  {
    username: 'approver01',
    phone: '13908270005',
    displayName: '赵刚',
    roles: ['approver'],
    dept: 'market',
    region: '511900',
    sub: false,
    window: null,
    what: '审批人员（市市场监管局）· 工作台',
  },
  {
    username: 'supervisor01',
    phone: '13908270006',
    displayName: '孙丽',
    roles: ['supervisor'],
    dept: 'centre',
    region: '511900',
    sub: true,
    window: null,
    what: '电子监察 · 效能监督',
  },
  {
    username: 'agent01',
    phone: '13908270007',
    displayName: '周强',
    roles: ['agent'],
    dept: null,
    region: '511902101201',
    sub: false,
    window: 'villagePoint:01',
    what: '村代办员（红旗村代办点）· 网上办事大厅',
  },
] as const;

export const demoCitizen = {
  username: 'zhangsan',
  displayName: '张三',
  residentId: residentId('51190219900101123'),
  phone: '13800000001',
  what: '自然人（市民）· 网上办事大厅',
};
export const demoEnterprise = {
  username: 'bashufood',
  displayName: '李娜',
  residentId: residentId('51190219880315242'),
  phone: '13800000002',
  organisationName: '巴中市巴蜀味道餐饮有限公司',
  creditCode: makeCreditCode('9', '1', '511902', 'MA6BJ001'),
  what: '法人（企业经办人）· 网上办事大厅',
};
