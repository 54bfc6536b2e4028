import type { NanjingDistrictAdcode } from './districts.data';

/**
 * Departments that receive work orders (工单), plus the city command centre that dispatches and
 * supervises them.
 *
 * Only government bodies, or plainly generic names where the real responder is an enterprise
 * (gas repair): the seed must not suggest that a named company has signed up to this system.
 *
 * Contacts are demo values: every local number starts with 0000, which no Chinese telephone number
 * does, so nobody is called by mistake when a demo is shown.
 */
export type DepartmentLevel = 'command_centre' | 'municipal' | 'district' | 'public_service';

export interface DepartmentSeed {
  /** Stable ASCII code; routing rules, categories and SLA policies refer to departments by it. */
  readonly code: string;
  readonly name: string;
  /** Short label for list cells and chips in the staff and admin pages. */
  readonly shortName: string;
  readonly level: DepartmentLevel;
  /** District adcode for a district body; null for city-wide jurisdiction. */
  readonly regionCode: NanjingDistrictAdcode | null;
  readonly contact: string;
  /** One line on what it handles, shown to admins choosing a routing target. */
  readonly duties: string;
}

export const DEPARTMENTS = [
  {
    code: 'ZHZX',
    name: '南京市数字化城市管理指挥中心',
    shortName: '市指挥中心',
    level: 'command_centre',
    regionCode: null,
    contact: '025-0000-0100',
    duties: '受理12345热线与随手拍诉求，分拨派遣、督查督办、结案审核。',
  },
  {
    code: 'CGJ',
    name: '南京市城市管理局',
    shortName: '市城管局',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0101',
    duties: '市容环境卫生、户外广告、街面秩序、餐饮油烟、违法建设的监管与执法。',
  },
  {
    code: 'SZYH',
    name: '南京市市政设施综合养护管理中心',
    shortName: '市政养护',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0102',
    duties: '城市道路、人行道、桥梁隧道、井盖、护栏等市政设施的日常养护和抢修。',
  },
  {
    code: 'LD',
    name: '南京市城市照明管理中心',
    shortName: '路灯管理',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0103',
    duties: '道路照明与景观照明设施的维护、抢修和开关灯管理。',
  },
  {
    code: 'YLJ',
    name: '南京市绿化园林局',
    shortName: '市绿化园林局',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0104',
    duties: '城市绿地、行道树、公园设施的养护管理和毁绿行为查处。',
  },
  {
    code: 'JTJ',
    name: '南京市交通运输局',
    shortName: '市交通运输局',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0105',
    duties: '公交站亭与站牌、公路养护、道路运输及共享交通工具的行业管理。',
  },
  {
    code: 'JGJ',
    name: '南京市公安局交通管理局',
    shortName: '市交警',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0106',
    duties: '交通信号灯、交通标志标线、机动车违法停车与废弃车辆的管理。',
  },
  {
    code: 'GAJ',
    name: '南京市公安局',
    shortName: '市公安局',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0107',
    duties: '社会生活噪声扰民、治安秩序类问题的处置。',
  },
  {
    code: 'STHJJ',
    name: '南京市生态环境局',
    shortName: '市生态环境局',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0108',
    duties: '工业与商业噪声、废气异味、企业排污等环境污染的监管。',
  },
  {
    code: 'JW',
    name: '南京市城乡建设委员会',
    shortName: '市建委',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0109',
    duties: '建筑工地文明施工、扬尘防治、施工围挡与占道施工的监管。',
  },
  {
    code: 'FCJ',
    name: '南京市住房保障和房产局',
    shortName: '市房产局',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0110',
    duties: '房屋安全、物业服务、老旧小区设施的监管与协调。',
  },
  {
    code: 'SWJ',
    name: '南京市水务局',
    shortName: '市水务局',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0111',
    duties: '供水排水设施、河道水面保洁、黑臭水体治理和防汛排涝。',
  },
  {
    code: 'SJJ',
    name: '南京市市场监督管理局',
    shortName: '市市场监管局',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0112',
    duties: '电梯等特种设备安全、无证照经营和食品安全的监管。',
  },
  {
    code: 'XF',
    name: '南京市消防救援支队',
    shortName: '市消防救援支队',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0113',
    duties: '市政消火栓、消防通道、火灾隐患的检查与处置。',
  },
  {
    code: 'YJJ',
    name: '南京市应急管理局',
    shortName: '市应急管理局',
    level: 'municipal',
    regionCode: null,
    contact: '025-0000-0114',
    duties: '安全生产隐患与突发事件的应急协调。',
  },
  {
    code: 'RQQX',
    name: '燃气应急抢修中心',
    shortName: '燃气抢修',
    level: 'public_service',
    regionCode: null,
    contact: '025-0000-0115',
    duties: '燃气管道泄漏、燃气设施损坏的应急抢修（由属地燃气经营企业承担）。',
  },
  {
    code: 'CGJ-320102',
    name: '玄武区城市管理局',
    shortName: '玄武区城管局',
    level: 'district',
    regionCode: '320102',
    contact: '025-0000-0201',
    duties: '玄武区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320104',
    name: '秦淮区城市管理局',
    shortName: '秦淮区城管局',
    level: 'district',
    regionCode: '320104',
    contact: '025-0000-0202',
    duties: '秦淮区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320105',
    name: '建邺区城市管理局',
    shortName: '建邺区城管局',
    level: 'district',
    regionCode: '320105',
    contact: '025-0000-0203',
    duties: '建邺区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320106',
    name: '鼓楼区城市管理局',
    shortName: '鼓楼区城管局',
    level: 'district',
    regionCode: '320106',
    contact: '025-0000-0204',
    duties: '鼓楼区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320111',
    name: '浦口区城市管理局',
    shortName: '浦口区城管局',
    level: 'district',
    regionCode: '320111',
    contact: '025-0000-0205',
    duties: '浦口区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320113',
    name: '栖霞区城市管理局',
    shortName: '栖霞区城管局',
    level: 'district',
    regionCode: '320113',
    contact: '025-0000-0206',
    duties: '栖霞区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320114',
    name: '雨花台区城市管理局',
    shortName: '雨花台区城管局',
    level: 'district',
    regionCode: '320114',
    contact: '025-0000-0207',
    duties: '雨花台区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320115',
    name: '江宁区城市管理局',
    shortName: '江宁区城管局',
    level: 'district',
    regionCode: '320115',
    contact: '025-0000-0208',
    duties: '江宁区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320116',
    name: '六合区城市管理局',
    shortName: '六合区城管局',
    level: 'district',
    regionCode: '320116',
    contact: '025-0000-0209',
    duties: '六合区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320117',
    name: '溧水区城市管理局',
    shortName: '溧水区城管局',
    level: 'district',
    regionCode: '320117',
    contact: '025-0000-0210',
    duties: '溧水区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
  {
    code: 'CGJ-320118',
    name: '高淳区城市管理局',
    shortName: '高淳区城管局',
    level: 'district',
    regionCode: '320118',
    contact: '025-0000-0211',
    duties: '高淳区辖区内市容环境、街面秩序、广告招牌等城市管理问题的处置。',
  },
] as const satisfies readonly DepartmentSeed[];

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

/** The dispatcher: untriaged reports land here and every SLA escalation is addressed to it. */
export const COMMAND_CENTRE_DEPARTMENT_CODE = 'ZHZX' satisfies DepartmentCode;
