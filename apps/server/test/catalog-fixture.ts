/** A complete, publishable implementation item (行政许可) for tests. */
import type { ItemContentInput } from '@tongban/contracts';

export function validItemContent(overrides: Partial<ItemContentInput> = {}): ItemContentInput {
  return {
    name: '测试用公共场所卫生许可',
    baseCode: '51T000000001',
    itemType: '01',
    exerciseLevels: ['3'],
    legalBasis: '《公共场所卫生管理条例》第八条',
    powerSource: 'statutory',
    bodyNature: '1',
    acceptanceConditions: '经营场所符合卫生要求',
    procedure: [
      { step: '受理', description: '窗口受理' },
      { step: '审查', description: '材料审查' },
      { step: '决定', description: '作出许可决定' },
      { step: '送达', description: '送达许可证' },
    ],
    legalLimit: { value: 20, unit: 'working_day', note: '' },
    promisedLimit: { value: 5, unit: 'working_day', note: '' },
    caseType: '2',
    visits: 1,
    visitsReason: '领取许可证',
    onlineDepth: ['III'],
    serviceObjects: ['2'],
    businessThemes: ['经营许可'],
    channels: { online: true, express: true, appointment: true, onlinePayment: false, kiosk: false, inHall: true },
    place: '巴中市政务服务中心B01窗口',
    hours: '周一至周五 9:00-12:00，13:30-17:30',
    consultationPhone: '0827-5268678',
    supervisionPhone: '12345',
    resultName: '公共场所卫生许可证',
    resultSample: '/samples/hygiene-licence.pdf',
    charged: false,
    faq: [{ question: '多久能办好？', answer: '5个工作日。' }],
    keywords: ['卫生许可证'],
    materials: [
      { key: 'application', name: '公共场所卫生许可申请表', kind: 'original', form: 'electronic', necessity: 'required', source: 'online_form' },
      { key: 'biz_licence', name: '营业执照', kind: 'copy', form: 'electronic', necessity: 'required', source: 'licence_library', licenceType: 'BIZ_LICENCE' },
      { key: 'floor_plan', name: '经营场所平面图', kind: 'original', form: 'paper', necessity: 'deferrable', source: 'applicant' },
    ],
    ...overrides,
  };
}
