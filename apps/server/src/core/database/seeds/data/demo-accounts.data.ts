import type { DepartmentCode } from './departments.data';

/**
 * Demo staff and admin accounts for embedded mode, printed at start so a visitor can sign in as one
 * role. Passwords are not kept here: the seeder generates or derives them, so a real deployment never
 * inherits a password that is published in the repository.
 *
 * Every district bureau has an account because routing sends most 市容 and 街面 reports to the
 * district, and a demo where nobody can sign for the ticket stops halfway.
 */
export type DemoAccountRole = 'staff' | 'admin';

export interface DemoAccountSeed {
  /** ASCII login name. */
  readonly username: string;
  /** Person's name plus the unit, so the printed list and the ticket timeline read on their own. */
  readonly displayName: string;
  readonly role: DemoAccountRole;
  readonly departmentCode: DepartmentCode;
}

export const DEMO_ACCOUNTS: readonly DemoAccountSeed[] = [
  { username: 'admin', displayName: '市指挥中心管理员', role: 'admin', departmentCode: 'ZHZX' },
  { username: 'staff.cgj', displayName: '张建国（市城管局）', role: 'staff', departmentCode: 'CGJ' },
  { username: 'staff.szyh', displayName: '王志强（市政养护）', role: 'staff', departmentCode: 'SZYH' },
  { username: 'staff.ld', displayName: '李明亮（路灯管理）', role: 'staff', departmentCode: 'LD' },
  { username: 'staff.ylj', displayName: '陈秀英（市绿化园林局）', role: 'staff', departmentCode: 'YLJ' },
  { username: 'staff.jgj', displayName: '刘卫东（市交警）', role: 'staff', departmentCode: 'JGJ' },
  { username: 'staff.swj', displayName: '赵海涛（市水务局）', role: 'staff', departmentCode: 'SWJ' },
  { username: 'staff.sthjj', displayName: '孙丽华（市生态环境局）', role: 'staff', departmentCode: 'STHJJ' },
  { username: 'staff.jw', displayName: '周国平（市建委）', role: 'staff', departmentCode: 'JW' },
  { username: 'staff.xuanwu', displayName: '吴晓燕（玄武区城管局）', role: 'staff', departmentCode: 'CGJ-320102' },
  { username: 'staff.qinhuai', displayName: '郑伟（秦淮区城管局）', role: 'staff', departmentCode: 'CGJ-320104' },
  { username: 'staff.jianye', displayName: '冯涛（建邺区城管局）', role: 'staff', departmentCode: 'CGJ-320105' },
  { username: 'staff.gulou', displayName: '何静（鼓楼区城管局）', role: 'staff', departmentCode: 'CGJ-320106' },
  { username: 'staff.pukou', displayName: '许文斌（浦口区城管局）', role: 'staff', departmentCode: 'CGJ-320111' },
  { username: 'staff.qixia', displayName: '沈磊（栖霞区城管局）', role: 'staff', departmentCode: 'CGJ-320113' },
  { username: 'staff.yuhuatai', displayName: '韩梅（雨花台区城管局）', role: 'staff', departmentCode: 'CGJ-320114' },
  { username: 'staff.jiangning', displayName: '杨志刚（江宁区城管局）', role: 'staff', departmentCode: 'CGJ-320115' },
  { username: 'staff.luhe', displayName: '朱红梅（六合区城管局）', role: 'staff', departmentCode: 'CGJ-320116' },
  { username: 'staff.lishui', displayName: '秦海燕（溧水区城管局）', role: 'staff', departmentCode: 'CGJ-320117' },
  { username: 'staff.gaochun', displayName: '邢建华（高淳区城管局）', role: 'staff', departmentCode: 'CGJ-320118' },
];
