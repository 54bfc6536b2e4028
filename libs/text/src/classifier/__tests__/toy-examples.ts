import type { LabelledExample } from '../classifier.types';

/** A small, separable training set: street lights, garbage and noise, each with its own words. */
export const TOY_EXAMPLES: LabelledExample[] = [
  ...['路灯不亮了', '这排路灯全坏了', '晚上路灯不亮很黑', '路灯一闪一闪', '路灯杆歪了', '路灯坏了好几天', '小区门口路灯不亮', '路灯灯泡烧了', '路灯白天还亮着', '桥下路灯坏了'].map(
    (text) => ({ label: '路灯', text }),
  ),
  ...['垃圾桶满了没人倒', '路边一堆垃圾', '垃圾到处都是', '垃圾箱溢出来了', '有人乱扔垃圾', '垃圾好几天没清运', '垃圾臭气熏天', '楼下垃圾堆成山', '垃圾袋扔在路边', '草丛里全是垃圾'].map(
    (text) => ({ label: '垃圾', text }),
  ),
  ...['工地半夜施工噪音太大', '晚上噪音吵得睡不着', '广场舞音响噪音扰民', 'KTV噪音很吵', '半夜打桩噪音', '噪音吵死了', '楼下商铺喇叭噪音', '凌晨施工噪音扰民', '装修噪音太吵', '机器噪音一直响'].map(
    (text) => ({ label: '噪音', text }),
  ),
];
