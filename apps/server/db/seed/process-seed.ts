/**
 * Demo process definitions (办理流程) with parallel blocks across departments (并联审批).
 * Every other item runs its default definition (即办件: the window alone; 承诺件: window →
 * reviewer → approver → window), stored as version 1 when its first case pins it.
 */
import type { ProcessDefinition, ProcessStep } from '@tongban/domain';
import type { Db } from '../../src/platform/db/client.ts';
import type { ProcessService } from '../../src/modules/cases/index.ts';
import { demoCountyDepartment, demoDepartments } from './demo-data.ts';
import type { DemoDepartmentKey } from './catalog/types.ts';
import { seedRepository } from './seed.repository.ts';

type Step = Omit<ProcessStep, 'departmentId'> & { department?: DemoDepartmentKey };
type Stage = { type: 'step'; step: Step } | { type: 'parallel'; key: string; name: string; join: 'all' | 'first_refusal'; branches: Step[] };

const step = (key: string, name: string, kind: ProcessStep['kind'], role: string, sharePercent: number, department?: DemoDepartmentKey): Step => ({
  key,
  name,
  kind,
  role,
  sharePercent,
  ...(department ? { department } : {}),
});
const accept: Stage = { type: 'step', step: step('accept', '受理', 'accept', 'window', 0) };
const decide: Stage = { type: 'step', step: step('decide', '决定', 'decide', 'approver', 20) };
const deliver: Stage = { type: 'step', step: step('deliver', '送达', 'deliver', 'window', 0) };

/** The demo items (by base code and implementing department) with a parallel block. */
export const demoProcesses: { baseCode: string; department: DemoDepartmentKey; stages: Stage[] }[] = [
  {
    // 建筑工程施工许可证核发 (市住建局): 用地和规划 by 自然资源规划, 环保 by 生态环境, in parallel with 住建's own review.
    baseCode: '51H010001001',
    department: 'housing',
    stages: [
      accept,
      {
        type: 'parallel',
        key: 'joint_review',
        name: '并联审查',
        join: 'all',
        branches: [
          step('construction_review', '施工条件审查', 'review', 'reviewer', 40),
          step('planning_check', '用地规划核验', 'review', 'reviewer', 40, 'land'),
          step('environment_check', '环保措施核验', 'review', 'reviewer', 30, 'ecology'),
        ],
      },
      decide,
      deliver,
    ],
  },
  {
    // 食品经营许可（新办） (市市场监管局): 材料审查 first, then 现场核查 with 卫健 (从业人员健康) and 生态环境 (油烟排放) in parallel.
    baseCode: '51M010003001',
    department: 'market',
    stages: [
      accept,
      { type: 'step', step: step('review', '材料审查', 'review', 'reviewer', 30) },
      {
        type: 'parallel',
        key: 'site_check',
        name: '联合现场核查',
        join: 'all',
        branches: [
          step('market_site', '食品安全现场核查', 'review', 'reviewer', 30),
          step('health_check', '从业人员健康核验', 'review', 'reviewer', 20, 'health'),
          step('fume_check', '油烟排放核验', 'review', 'reviewer', 20, 'ecology'),
        ],
      },
      decide,
      deliver,
    ],
  },
  {
    // 商品房预售许可 (市住建局): 规划核实 by 自然资源规划 beside 住建's review; joins at the first refusal.
    baseCode: '51H010002001',
    department: 'housing',
    stages: [
      accept,
      {
        type: 'parallel',
        key: 'presale_review',
        name: '并联审查',
        join: 'first_refusal',
        branches: [
          step('presale_conditions', '预售条件审查', 'review', 'reviewer', 50),
          step('planning_verify', '规划条件核实', 'review', 'reviewer', 40, 'land'),
        ],
      },
      decide,
      deliver,
    ],
  },
];

export async function seedDemoProcesses(db: Db, processes: ProcessService): Promise<number> {
  const credit = new Map([...demoDepartments, demoCountyDepartment].map((d) => [d.key, d.creditCode]));
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    const idOf = async (key: DemoDepartmentKey) => {
      const id = ids.get(key) ?? (await seedRepository.departmentIdByCreditCode(tx, credit.get(key) ?? ''));
      if (!id) throw new Error(`demo process: unknown department ${key}`);
      ids.set(key, id);
      return id;
    };
    const resolve = async ({ department, ...s }: Step): Promise<ProcessStep> => ({ ...s, departmentId: department ? await idOf(department) : null });
    for (const p of demoProcesses) {
      const definition: ProcessDefinition = { stages: [] };
      for (const stage of p.stages)
        definition.stages.push(
          stage.type === 'step' ? { type: 'step', step: await resolve(stage.step) } : { ...stage, branches: await Promise.all(stage.branches.map(resolve)) },
        );
      await processes.seed(tx, { baseCode: p.baseCode, departmentId: await idOf(p.department), definition });
    }
  });
  return demoProcesses.length;
}
