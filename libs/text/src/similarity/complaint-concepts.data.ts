/**
 * Words residents use for the same thing or the same fault, grouped under one concept, so two rewordings
 * of one complaint agree where they share no character: 窨井盖 / 井盖, 果皮箱 / 垃圾桶, 淹了 / 积水,
 * 不见了 / 被偷了 / 缺失. Written for the category tree (objects of the 部件 categories, the faults and
 * nuisances of the 事件 categories), not for any test set. Simplified, as normalizeText leaves text; the
 * longest word wins where several start at one place. A word may name more than one concept when it
 * says two things at once: 死猫 is a carcass and a cat, 站牌 a bus stop and a sign.
 */
export const COMPLAINT_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  manhole: ['井盖', '窨井', '检查井', '污水井', '雨水井', '下水井'],
  grate: ['篦子', '箅子', '雨水篦', '雨水箅', '沟盖板', '排水沟盖', '水篦子'],
  drain: ['下水道', '下水口', '排水口', '雨水口', '排水管', '污水管', '阴沟', '化粪池', '排水沟'],
  streetlight: ['路灯', '灯杆', '灯柱', '灯罩', '街灯', '照明灯', '灯泡'],
  signal: ['红绿灯', '信号灯', '交通灯', '红灯', '绿灯', '黄灯', '黄闪'],
  bin: ['垃圾桶', '垃圾箱', '果皮箱', '垃圾筒', '分类桶', '垃圾柜'],
  depot: ['垃圾站', '中转站', '垃圾房', '收集点', '垃圾屋', '收集站', '垃圾池'],
  litter: ['垃圾袋', '生活垃圾', '建筑垃圾', '废弃物', '杂物', '垃圾'],
  bus_stop: ['公交站', '候车亭', '站台', '站牌', '电子站牌', '车站', '公交车站'],
  sign: ['站牌', '电子站牌', '指示牌', '路牌', '标志牌', '标识牌', '交通标志', '标牌', '广告牌'],
  screen: ['电子屏', '显示屏', '屏幕', '电子站牌', '屏'],
  glass: ['玻璃'],
  canopy: ['顶棚', '雨棚', '遮阳棚', '棚子', '棚顶'],
  window: ['窗户', '窗子', '窗台'],
  seat: ['座椅', '椅子', '凳子', '长椅', '坐凳', '长凳'],
  railing: ['护栏', '栏杆', '隔离栏', '围栏', '隔离墩', '防护栏'],
  hydrant: ['消防栓', '消火栓'],
  water_pipe: ['自来水管', '水管', '供水管', '管道', '水表'],
  utility_pole: ['电线杆', '电杆', '线杆', '水泥杆'],
  post: ['柱子', '杆子', '桩子', '石墩', '地桩'],
  stairwell: ['楼道', '楼梯间', '楼梯', '单元门'],
  wall: ['围墙', '墙面', '墙体', '墙上', '墙'],
  bridge: ['桥墩', '桥洞', '立交桥', '天桥', '桥面', '桥梁'],
  cable: ['电线', '电缆', '线缆', '飞线', '架空线', '通信线', '网线', '光缆'],
  road_hole: ['坑坑洼洼', '坑洼', '大坑', '窟窿', '坑', '洞'],
  crack: ['裂缝', '开裂', '裂开', '裂纹', '裂了', '裂口'],
  tile: ['地砖', '道板', '人行道砖', '砖'],
  tactile: ['盲道'],
  tree: ['行道树', '大树', '树木', '树干', '树'],
  branch: ['树枝', '枝条', '树杈', '树叶', '枝叶'],
  stall: ['摊贩', '摊位', '摆摊', '地摊', '小贩', '流动摊', '早市', '夜市', '摊'],
  shared_bike: ['共享单车', '单车', '小黄车', '自行车', '哈啰', '青桔'],
  ebike: ['电动车', '电瓶车', '电驴', '摩托车', '电动自行车'],
  parked_car: ['违停', '乱停车', '私家车', '汽车', '轿车', '车辆'],
  fire_lane: ['消防通道', '消防车道', '生命通道'],
  crossing: ['斑马线', '人行横道'],
  barbecue: ['烧烤', '烤串', '撸串', '烤肉', '炭火'],
  fumes: ['油烟', '排烟', '烟道', '净化器'],
  noise: ['噪音', '噪声', '扰民', '吵', '轰隆', '咚咚', '响声'],
  construction: ['施工', '工地', '打桩', '开工', '干活', '挖掘机', '机器'],
  dust: ['扬尘', '灰尘', '尘土', '灰大', '灰蒙蒙', '防尘网'],
  spill: ['渣土', '遗撒', '撒落', '泥土', '沙子', '石子', '拉土', '泥巴', '土方'],
  flyer: ['小广告', '牛皮癣', '办证', '开锁', '疏通', '传单'],
  graffiti: ['涂鸦', '乱涂', '乱画', '喷漆', '涂画', '画花', '涂得'],
  lift: ['电梯', '轿厢'],
  carcass: ['尸体', '死猫', '死狗', '死鸟', '死老鼠', '死鸽子', '撞死'],
  cat: ['死猫', '猫咪', '猫'],
  dog: ['死狗', '狗', '犬'],
  rat: ['死老鼠', '老鼠', '耗子'],
  bird: ['死鸟', '死鸽子', '鸽子', '麻雀', '鸟'],
};

/** What is wrong with an object: two reports of one problem name the same fault (缺失 is not 松动). */
export const COMPLAINT_FAULTS: Readonly<Record<string, readonly string[]>> = {
  missing: ['不见了', '没了', '丢了', '缺失', '被偷', '被盗', '丢失', '缺了', '没有了', '没盖'],
  loose: ['松动', '松了', '晃动', '晃来晃去', '哐哐', '咣当'],
  broken: ['破损', '破了', '碎了', '砸烂', '破裂', '碎', '烂了', '断了', '开裂', '裂开', '裂了', '裂口'],
  sunk: ['下沉', '陷下去', '塌陷', '凹下去', '沉降', '低一截'],
  raised: ['翘起', '凸起', '拱起', '鼓起', '起包', '翘'],
  dark: ['不亮', '黑了', '全黑', '漆黑', '黑灯瞎火', '黑乎乎', '熄灭', '黑屏', '不显示', '灭了'],
  flicker: ['一闪一闪', '忽明忽暗', '闪烁', '频闪', '闪'],
  lit_by_day: ['白天也亮', '白天亮', '大白天', '长明灯'],
  tilted: ['倾斜', '歪', '斜', '撞弯', '弯了'],
  fallen: ['倒了', '倒伏', '倒下', '刮倒', '吹倒', '撞倒', '倒在'],
  leak: ['漏水', '冒水', '喷水', '滴水', '渗水', '往外冒', '哗哗'],
  burst: ['爆裂', '爆管', '爆了'],
  blocked: ['堵塞', '堵死', '堵住', '堵了', '不通', '排不下去'],
  smell: ['臭味', '异味', '返臭', '恶臭', '熏', '臭'],
  overflow: ['满溢', '爆满', '溢出', '冒尖', '堆满', '满出来', '满了', '满得', '堆成山'],
  flood: ['积水', '水淹', '内涝', '淹', '泡水'],
  trapped: ['困人', '被困', '关在里面'],
  occupied: ['占道', '占用', '占着', '挡路', '堵路'],
};

/**
 * Objects that are alternatives of one kind: two reports that each name a member of a family and no
 * member in common are about different things, whatever else they share (a dead cat is not a dead dog;
 * branches hiding a street lamp are not branches hiding a traffic light; graffiti on a wall is not
 * graffiti on a bridge pier; a shelter's broken seat is not its smashed glass). A report naming none of
 * a family says nothing about it and conflicts with nothing. Faults (COMPLAINT_FAULTS) are one such
 * family of their own.
 */
export const DETAIL_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  animal: ['cat', 'dog', 'rat', 'bird'],
  vehicle: ['shared_bike', 'ebike', 'parked_car'],
  fixture: ['streetlight', 'signal', 'sign', 'screen', 'glass', 'canopy', 'seat', 'window'],
  surface: ['wall', 'bridge', 'utility_pole', 'stairwell'],
};

/**
 * Faults that one observation is often described by either of, so two reports naming them do not
 * conflict: a burst pipe is broken and leaks, a loose manhole cover rocks up or tilts, a leaning post ends
 * up fallen, a blocked drain smells and floods. Any other two different faults do (缺失 / 松动, 下沉 / 翘起,
 * 不亮 / 闪烁).
 */
export const KINDRED_FAULTS: readonly (readonly string[])[] = [
  ['broken', 'burst', 'leak'],
  ['leak', 'burst', 'flood'],
  ['loose', 'tilted', 'fallen'],
  ['loose', 'raised'],
  ['blocked', 'smell', 'flood', 'overflow'],
];
