// Problem types of the seeded category tree, each with several ways residents actually write it:
// colloquial, short and long, with emoji, dialect words (木有, 咋, 搞么事), typos and no punctuation.
// Written for this evaluation; a paraphrase set is used only to build report pairs, never to tune weights.

/**
 * @typedef {{ id: string, category: string, scene: string, area?: true, texts: Array<string | [facet: string, text: string]> }} ProblemType
 * `scene` names the synthetic scene template (scenes.mjs) that a photo of this problem looks like.
 * `area`: the source is one place larger than the GPS error (a building site, a compound's refuse depot or
 * fire lane, a flooded stretch, a spill along a road), so a second report of the same kind at the same spot
 * is about the same source. A text is a paraphrase, or `[facet, paraphrase]` when it states a detail
 * (a dead cat, not a dead dog) that a second report of the same problem would also state.
 */

/** @type {ProblemType[]} */
export const PROBLEMS = [
  { id: 'lamp-dark', category: 'GY-01', scene: 'pole', texts: [
    '路灯不亮了，晚上黑乎乎的', '这一段路灯坏了好几天，晚上一片漆黑', '路灯晚上不亮，走路都看不见😓',
    '灯不亮！！！黑灯瞎火的太吓人了', '晚上这边路灯全黑了，骑车差点撞到人', '路灯坏了木有人修，天一黑啥都看不见',
  ] },
  { id: 'lamp-flicker', category: 'GY-01', scene: 'pole', texts: [
    ['flicker', '路灯一闪一闪的，晃得眼睛疼'], ['flicker', '这个路灯老是忽明忽暗的'], ['on-by-day', '路灯白天也亮着，太浪费电了'],
    ['flicker', '灯一直在闪，是不是接触不良'], ['on-by-day', '大白天路灯还开着，晚上反而不亮'], ['flicker', '路灯闪个不停，晚上开车很晃眼'],
  ] },
  { id: 'lamp-pole', category: 'GY-01', scene: 'pole', texts: [
    '路灯杆歪了，感觉快倒了', '灯杆被车撞弯了，斜在人行道上', '路灯柱子倾斜得厉害，怕砸到人',
    '这根灯杆歪得吓人，风一吹就晃', '路灯的灯罩掉下来了，杆子也歪了', '灯杆底座松了，整根在晃',
  ] },
  { id: 'manhole-missing', category: 'GY-02', scene: 'hole', texts: [
    '井盖没了，太危险', '这里没有井盖，很危险', '路中间井盖丢了，一个大黑洞！！',
    '窨井盖不见了，小孩掉下去咋办', '人行道上井盖被偷了，晚上看不见', '井盖缺失，已经有电动车栽进去了',
  ] },
  { id: 'manhole-broken', category: 'GY-02', scene: 'hole', texts: [
    ['broken', '井盖碎了一半，踩上去会塌'], ['loose', '井盖松动了，车一压就哐哐响'], ['broken', '这个井盖破了个大口子'],
    ['sunk', '井盖下沉了，路面一个坑'], ['raised', '井盖翘起来了，骑车很容易摔'], ['broken', '井盖裂了，压上去一直响，吵死了'],
    ['loose', '井盖松了，踩上去晃来晃去'], ['sunk', '井盖陷下去了，比路面低一截'], ['raised', '井盖一边翘起来，车过去会弹一下'],
  ] },
  { id: 'hydrant-leak', category: 'GY-03', scene: 'pole', texts: [
    '消防栓在漏水，地上一大滩水', '消火栓被撞坏了，水一直往外冒', '路边消防栓哗哗漏水好几天了',
    '消防栓坏了，水流到马路上', '消防栓漏水，冬天要结冰的', '这个消防栓一直滴水，浪费水',
  ] },
  { id: 'bus-shelter', category: 'GY-04', scene: 'shelter', texts: [
    ['seat', '公交站的座椅坏了，坐不了'], ['glass', '候车亭玻璃碎了一地'], ['sign', '公交站牌被撞歪了'],
    ['seat', '站台的椅子断了，老人没地方坐'], ['roof', '候车亭顶棚漏雨，等车全身湿'], ['screen', '公交站电子屏黑了，看不到车到哪了'],
    ['glass', '公交站候车亭的玻璃被砸了，碎渣到处都是'], ['sign', '站牌歪倒了，看不清是几路车'], ['roof', '公交站棚子漏水，下雨没地方躲'], ['screen', '站台的电子站牌不显示了'],
  ] },
  { id: 'signal-dark', category: 'GY-05', scene: 'pole', texts: [
    ['dark', '红绿灯不亮了，路口乱成一团'], '信号灯坏了，车都不知道怎么走', ['amber', '这个路口红绿灯一直闪黄灯'],
    ['dark', '红绿灯黑屏了，过马路好危险'], '信号灯故障，早高峰堵死了', '红绿灯坏了半天了也没人来修',
    ['amber', '信号灯只闪黄灯，不变红绿了'],
  ] },
  { id: 'railing-down', category: 'GY-06', scene: 'railing', texts: [
    '护栏倒了，横在路上', '中间隔离栏被撞倒了一大片', '人行道栏杆断了，容易摔下去',
    '马路中间的护栏歪倒了，车要绕着走', '护栏被车撞飞了，铁片到处都是', '隔离护栏倒了好几根，有人翻越',
  ] },
  { id: 'drain-blocked', category: 'GY-07', scene: 'hole', texts: [
    '下水道堵了，污水往外冒', '雨水口被垃圾堵住了，一下雨就积水', '下水道返臭，熏死人了',
    '排水口堵死了，水排不下去', '下水道堵塞，门口全是脏水', '这个下水口又堵了，臭味很大🤢',
  ] },
  { id: 'drain-grate', category: 'GY-07', scene: 'hole', texts: [
    ['missing', '雨水篦子丢了，露出一个坑'], ['missing', '下水道的铁篦子不见了'], ['missing', '路边排水沟的盖板被偷了'],
    ['broken', '雨水篦子缺了一块，自行车轮会卡进去'], ['missing', '篦子没了，晚上容易踩空'], ['broken', '排水沟盖子碎了，露着个口子'],
  ] },
  { id: 'bin-broken', category: 'GY-08', scene: 'bin', texts: [
    ['lid', '垃圾箱坏了，盖子都没了'], '果皮箱被砸烂了', ['knocked-over', '路边垃圾桶倒了，垃圾撒一地'],
    ['hole', '这个垃圾箱破了个洞，垃圾往外漏'], ['hole', '垃圾桶底都烂掉了'], '分类垃圾桶坏了两个，没法扔垃圾',
  ] },
  { id: 'cable-mess', category: 'GY-09', scene: 'pole', texts: [
    '电线杆上的线乱七八糟的，像蜘蛛网', '架空线缆垂得很低，车都能挂到', '飞线乱拉，一堆线缠在树上',
    '头顶的电缆耷拉下来了', '通信线缆乱搭乱挂，太难看了', '线缆垂到人头顶了，个子高的都会碰到',
  ] },
  { id: 'trash-exposed', category: 'SR-01', scene: 'pile', texts: [
    '路边有一堆垃圾没人管', '这里垃圾乱扔，堆了好几天了', '空地上全是生活垃圾，苍蝇乱飞',
    '有人在这倒垃圾，越堆越多', '绿化带边上一大堆垃圾，臭得要命', '垃圾随便扔在路边，也没人来收',
  ] },
  { id: 'bin-overflow', category: 'SR-03', scene: 'bin', texts: [
    '垃圾桶满了没人清理，臭死了', '垃圾箱满溢好几天了，味道很大', '垃圾桶都堆冒尖了',
    '这个垃圾桶天天满，塞都塞不进去', '垃圾满出来了，撒得满地都是', '垃圾桶爆满，两天没人来倒了',
  ] },
  { id: 'depot-overflow', category: 'SR-03', scene: 'pile', area: true, texts: [
    '垃圾中转站满了，都堆到马路上了', '小区垃圾房溢出来了，全是垃圾袋', '垃圾站门口堆成山了',
    '收集点的垃圾好几天没运走，堆到路中间', '垃圾房满得关不上门', '垃圾站外面也堆满了，下雨全是臭水',
  ] },
  { id: 'dead-animal', category: 'SR-07', scene: 'road', texts: [
    ['cat', '马路上有只死猫，好几天了'], '路中间有个动物尸体，被车压了', ['dog', '人行道上躺着一只死狗，太恶心了'],
    ['rat', '路边有死老鼠，都臭了'], ['bird', '有只死鸟在路上，没人清理'], ['cat', '马路上有被撞死的猫，看着难受'],
    ['dog', '路边有条死狗，都发臭了'], ['rat', '地上一只死老鼠，苍蝇围着转'], ['bird', '路上躺着只死鸟，好恶心'],
  ] },
  { id: 'graffiti', category: 'SR-09', scene: 'wall', texts: [
    ['wall', '墙上被人乱涂乱画'], ['wall', '围墙上全是喷漆涂鸦'], ['wall', '有人在墙上写了一堆字，很难看'],
    ['wall', '新刷的墙又被画花了'], ['wall', '墙面被喷了乱七八糟的字'], ['bridge', '桥墩上被涂得花花绿绿的'],
    ['bridge', '桥洞下面的桥墩被喷漆乱画'],
  ] },
  { id: 'small-ads', category: 'GG-02', scene: 'wall', texts: [
    ['pole', '电线杆上贴满了小广告'], ['wall', '墙上全是办证的小广告'], ['stairwell', '楼道里到处贴牛皮癣广告'],
    '有人在这乱贴小广告，撕了又贴', ['wall', '满墙的开锁疏通小广告，太难看'], '小广告贴得密密麻麻的',
  ] },
  { id: 'pothole', category: 'DL-01', scene: 'road', texts: [
    '路面有个大坑，电动车差点摔了', '马路上坑坑洼洼的，请尽快修一下', '路中间一个大坑，下雨全是水',
    '这条路烂了，全是坑', '路面破了个洞，开车要绕着走', '马路坑太多了，车子颠得要散架',
  ] },
  { id: 'road-crack', category: 'DL-01', scene: 'road', texts: [
    ['crack', '路面裂开了好长一条缝'], ['crack', '马路开裂了，缝越来越大'], ['bulge', '沥青路面起包了，鼓起来一大块'],
    ['crack', '路面有裂缝还在下沉'], ['crack', '这段路裂得像蜘蛛网一样'], ['crack', '马路中间裂了，感觉要塌'],
    ['bulge', '路面拱起来一个包，车开过去一颠'],
  ] },
  { id: 'sidewalk-tiles', category: 'DL-02', scene: 'road', texts: [
    ['loose', '人行道的地砖松了，一踩就溅一脚泥'], ['loose', '人行道砖翘起来了，老人容易绊倒'], ['broken', '地砖碎了好几块'],
    ['missing', '人行道坑坑洼洼，砖都没了'], ['loose', '路边的砖松动了，踩上去晃'], ['missing', '人行道地砖缺了一大片'],
    ['broken', '人行道的砖碎得一块一块的'],
  ] },
  { id: 'blind-path', category: 'DL-04', scene: 'road', texts: [
    ['vehicles', '盲道被车占了'], ['vehicles', '盲道上停满了电动车'], ['post', '盲道中间有根杆子挡着'],
    ['stall', '盲道被摊位堵死了'], ['broken', '盲道砖坏了，断断续续的'], ['clutter', '有人在盲道上堆东西，盲人怎么走'],
    ['post', '盲道正中间立了根柱子'], ['stall', '摆摊的把盲道占了'], ['broken', '盲道砖碎了好多块'], ['clutter', '盲道上堆满了杂物'],
  ] },
  { id: 'tree-fallen', category: 'YL-01', scene: 'tree', texts: [
    '大树倒了，压在路上', '昨晚刮风树被刮倒了，挡住了路', '一棵树倒在人行道上，过不去',
    '行道树倒了，砸到了电线', '树断了，横在马路中间', '台风把树吹倒了，车都过不去',
  ] },
  { id: 'tree-branches', category: 'YL-06', scene: 'tree', texts: [
    ['signal', '树枝太长了，挡住了红绿灯'], ['lamp', '行道树长得太密，把路灯都遮住了'], ['low', '树枝垂下来，走路会刮到头'],
    ['sign', '树太茂盛了挡住了交通标志'], ['road', '树枝伸到马路上，公交车会刮到'], ['window', '这几棵树该修剪了，挡住窗户'],
    ['signal', '树枝把信号灯挡了，看不清红绿灯'], ['lamp', '树叶把路灯罩住了，晚上路上很暗'], ['low', '树枝太低了，个子高的人会碰头'], ['sign', '路边的指示牌被树枝挡得看不见'], ['road', '树枝长到路中间，大车过去刮得哗哗响'], ['window', '树长到楼上窗户边，屋里都不见光'],
  ] },
  { id: 'street-vendor', category: 'JM-01', scene: 'stall', texts: [
    ['vegetables', '人行道上摆摊卖菜的，路都堵了'], '路边流动摊贩占道经营', ['fruit', '小贩把三轮车停在路上卖水果'],
    '一到晚上就有人占道摆摊', '早市摊位摆到马路中间了', '路口有人推车卖东西，堵得走不动',
  ] },
  { id: 'bikes-mess', category: 'JM-04', scene: 'vehicle', texts: [
    ['shared', '共享单车乱停，人行道都堵了'], ['shared', '地铁口的单车堆成山了'], ['e-bike', '电动车乱停乱放，堵住了盲道'],
    ['shared', '小黄车倒了一地，没人管'], ['shared', '共享单车停得到处都是，路都走不了'], ['e-bike', '门口全是乱停的电瓶车'],
  ] },
  { id: 'car-parking', category: 'JM-05', scene: 'vehicle', texts: [
    ['pavement', '有车停在人行道上，行人只能走马路'], ['junction', '违停车辆把路口堵了'], '小区门口天天有车乱停',
    ['crossing', '汽车停在斑马线上'], ['pavement', '这辆车在这停了一整天，占着人行道'], '路边违停太严重了，车都过不去',
  ] },
  { id: 'fire-lane', category: 'JM-05', scene: 'vehicle', area: true, texts: [
    '消防通道被私家车堵了', '有车停在消防通道上好几天', '消防通道停满了车，着火了怎么办',
    '小区消防通道被占了', '消防车道被车堵死了', '有人把车停在消防通道，打电话也不挪',
  ] },
  { id: 'bbq', category: 'JM-09', scene: 'stall', texts: [
    '晚上有人在路边烧烤，烟熏火燎的', '露天烧烤摊烟太大了', '烧烤摊占道，满地竹签',
    '楼下烧烤烟味熏得没法开窗', '每天晚上都有露天烧烤，又吵又呛', '路边烤串的烟飘进家里了',
  ] },
  { id: 'night-noise', category: 'SG-02', scene: 'site', area: true, texts: [
    '工地晚上还在施工，吵得睡不着', '半夜施工噪音太大，根本没法睡觉', '凌晨两点还在打桩，咚咚咚的',
    '夜里工地机器轰隆隆响', '晚上十一点了还在施工，扰民', '工地通宵干活，孩子都睡不着觉😭',
  ] },
  { id: 'site-dust', category: 'SG-01', scene: 'site', area: true, texts: [
    '工地扬尘太大了，灰蒙蒙的', '工地没盖防尘网，风一吹全是土', '施工灰尘满天飞，窗户都不敢开',
    '工地尘土飞扬，车一过全是灰', '旁边工地扬尘严重，衣服都晒不了', '工地也不洒水，灰大得很',
  ] },
  { id: 'spill', category: 'SG-04', scene: 'road', area: true, texts: [
    '渣土车漏了一路的土', '马路上全是渣土车撒下来的泥', '路上有车辆遗撒的沙子，很滑',
    '渣土车沿路掉泥巴，下雨一片泥泞', '拉土车撒了一地石子', '道路被渣土车弄得脏兮兮的',
  ] },
  { id: 'pipe-burst', category: 'TF-02', scene: 'road', texts: [
    '自来水管爆了，水喷得老高', '路边水管破了，水哗哗往外冒', '地下水管爆裂，马路都淹了',
    '水管漏水，路面一直在冒水', '自来水管裂了，停水了', '路上冒水，好像是水管爆了',
  ] },
  { id: 'flooding', category: 'TF-04', scene: 'road', area: true, texts: [
    '下雨积水太深了，车都熄火了', ['junction', '路口积水到膝盖了'], '这个地方一下雨就淹',
    ['underpass', '地道里积水，过不去了'], '马路上积水严重，行人没法走', '雨后积水两天都没退',
  ] },
  { id: 'fumes', category: 'HB-03', scene: 'stall', texts: [
    '饭店油烟直排，熏得家里全是味', '楼下餐馆油烟太大了', '餐厅排烟管对着居民楼',
    '油烟机直接往外排，窗户上全是油', '饭馆油烟呛人，没装净化器', '每天做饭时间油烟熏得睡不了',
  ] },
  { id: 'elevator', category: 'FW-02', scene: 'wall', texts: [
    '电梯又坏了，老人爬不了楼', ['trapped', '电梯困人了，按钮没反应'], '单元电梯停了好几天',
    ['door', '电梯门关不上，一直响'], ['shaking', '电梯运行时抖得厉害，吓人'], '电梯故障，物业也不修',
  ] },
];

/** Places residents mention; a report may carry one, so two reports can share a landmark by chance. */
export const PLACES = [
  '小区门口', '公交站旁边', '地铁站出口', '学校门口', '菜市场边上', '十字路口', '超市对面', '医院门口',
  '中山路上', '汉中路这边', '新街口附近', '幼儿园旁边', '银行门口', '桥下面', '公园东门',
];

/** Framing residents add around the problem; none of it says which problem. */
export const FRAMES = [
  (text) => text, (text) => text, (text) => `${text}，请尽快处理`, (text) => `${text}，麻烦管一下`,
  (text) => `你好，${text}`, (text) => `${text}，谢谢！`, (text) => `${text}。希望有关部门重视`,
];
