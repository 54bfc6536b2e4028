import type { ServiceAttribute } from '@ssp/contracts';

/**
 * Extra questions (Open311 service definitions) for the kinds of problem where a department needs more
 * than a sentence and a photo to send the right crew. Stored on the category when it is first seeded;
 * a unit test holds each to the definition rules.
 */
export const SERVICE_DEFINITIONS: Readonly<Record<string, readonly ServiceAttribute[]>> = {
  // 路灯
  'GY-01': [
    {
      variable: true,
      code: 'fault',
      datatype: 'singlevaluelist',
      required: true,
      datatypeDescription: null,
      order: 1,
      description: '路灯故障情况',
      values: [
        { key: 'dark', name: '夜间不亮' },
        { key: 'daylight', name: '白天常亮' },
        { key: 'flicker', name: '闪烁' },
        { key: 'pole', name: '灯杆倾斜或损坏' },
      ],
    },
    {
      variable: true,
      code: 'pole_no',
      datatype: 'string',
      required: false,
      datatypeDescription: '灯杆上喷涂或挂牌的编号',
      order: 2,
      description: '灯杆编号',
    },
  ],
  // 井盖
  'GY-02': [
    {
      variable: false,
      code: 'notice',
      datatype: 'text',
      required: false,
      datatypeDescription: null,
      order: 1,
      description: '井盖缺失时请在周围放置醒目标志并远离，注意安全',
    },
    {
      variable: true,
      code: 'condition',
      datatype: 'singlevaluelist',
      required: true,
      datatypeDescription: null,
      order: 2,
      description: '井盖状况',
      values: [
        { key: 'missing', name: '缺失' },
        { key: 'broken', name: '破损' },
        { key: 'shifted', name: '移位或不平' },
        { key: 'noise', name: '车辆经过有异响' },
      ],
    },
    {
      variable: true,
      code: 'place',
      datatype: 'multivaluelist',
      required: false,
      datatypeDescription: '可多选',
      order: 3,
      description: '所在位置',
      values: [
        { key: 'road', name: '机动车道' },
        { key: 'bike', name: '非机动车道' },
        { key: 'sidewalk', name: '人行道' },
        { key: 'green', name: '绿化带' },
      ],
    },
  ],
  // 路面破损
  'DL-01': [
    {
      variable: true,
      code: 'size_cm',
      datatype: 'number',
      required: false,
      datatypeDescription: '估计的最大直径，单位厘米',
      order: 1,
      description: '破损大小（厘米）',
    },
    {
      variable: true,
      code: 'since',
      datatype: 'datetime',
      required: false,
      datatypeDescription: 'ISO 8601 日期时间',
      order: 2,
      description: '最早发现时间',
    },
  ],
};
