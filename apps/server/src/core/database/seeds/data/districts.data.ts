/**
 * The 11 districts of 南京市 with their national administrative division codes (adcodes).
 * Kept here as plain strings because the department and routing seeds key on them; the polygons
 * themselves come from the shared GeoJSON, whose `adcode` property is numeric (compare with String()).
 */
export interface DistrictSeed {
  readonly adcode: string;
  readonly name: string;
  /** Romanised name used to build readable demo usernames such as `staff.xuanwu`. */
  readonly slug: string;
}

/** City adcode; city-wide bodies carry no region code, this is only for parent links. */
export const NANJING_CITY_ADCODE = '320100';

export const NANJING_DISTRICTS = [
  { adcode: '320102', name: '玄武区', slug: 'xuanwu' },
  { adcode: '320104', name: '秦淮区', slug: 'qinhuai' },
  { adcode: '320105', name: '建邺区', slug: 'jianye' },
  { adcode: '320106', name: '鼓楼区', slug: 'gulou' },
  { adcode: '320111', name: '浦口区', slug: 'pukou' },
  { adcode: '320113', name: '栖霞区', slug: 'qixia' },
  { adcode: '320114', name: '雨花台区', slug: 'yuhuatai' },
  { adcode: '320115', name: '江宁区', slug: 'jiangning' },
  { adcode: '320116', name: '六合区', slug: 'luhe' },
  { adcode: '320117', name: '溧水区', slug: 'lishui' },
  { adcode: '320118', name: '高淳区', slug: 'gaochun' },
] as const satisfies readonly DistrictSeed[];

export type NanjingDistrictAdcode = (typeof NANJING_DISTRICTS)[number]['adcode'];
