import type { WordCategory, WordLevel, WordMatchMode, WordRuleSpec } from './word-rule.types';

/**
 * The word rules a fresh installation starts with — curated by hand for city complaints, not a
 * public list (those flag most real complaints: 政府, 书记, 垃圾, 法人 inside 执法人员 …).
 *
 * Principles:
 * - Patterns are whole phrases, never single characters or words that are parts of everyday words
 *   (炸 → 炸了政府, not 炸: 水管炸了, 炸鸡店; 口交 is left out: 路口交通).
 * - `block` for content that is never a complaint (ads for sex, gambling, fake invoices, drugs,
 *   personal-data trading); `review` for threats, self-harm and reports a moderator should see
 *   (卖淫, 嫖娼 may be a genuine report); `mask` for insults — an angry resident's report is still a
 *   report, only the insult is starred.
 * - Short Latin abbreviations are `word` rules so that they do not fire inside other words.
 * - The allow-list protects everyday words from any rule, including ones admins add later.
 *
 * Ids are `default.<category>.<pattern>` so they stay stable when the list is reordered.
 */
function rules(
  category: WordCategory,
  level: WordLevel,
  patterns: readonly string[],
  matchMode?: WordMatchMode,
): WordRuleSpec[] {
  return patterns.map((pattern) => ({
    id: `default.${level === 'allow' ? 'allow' : category}.${pattern}`,
    pattern,
    level,
    category,
    ...(matchMode ? { matchMode } : {}),
  }));
}

const INSULTS = [
  '傻逼', '傻b', '傻比', '傻屄', '傻叉', '煞笔', '煞比', '沙比', '二逼', '装逼', '逼样', '妈逼', '你妈逼',
  '妈了个逼', '他妈的', '你妈的', '尼玛的', '狗日的', '王八蛋', '混蛋', '贱人', '贱货', '婊子', '狗杂种',
  '畜生', '畜牲', '狗东西', '人渣', '脑残', '智障', '白痴', '蠢货', '去死吧', '滚蛋', '滚犊子', '狗官',
  '杀千刀的', '鸡巴', '屌毛',
];
const FAMILY_CURSES = [
  '操你妈', '操你大爷', '操你祖宗', '草泥马', '曹尼玛', '日你妈', '日你先人', '干你娘', '狗娘养的',
  '死全家', '全家死光',
];
const LATIN_INSULTS_AS_WORDS = ['sb', 'shabi', 'cnm', 'nmsl', 'tmd', 'nmb', 'mlgb', 'wcnm', 'shit', 'bitch'];
const LATIN_INSULTS = ['fuck', 'asshole', 'motherfucker'];

const SEX_ADS = [
  '约炮', '一夜情', '援交妹', '援助交际', '裸聊', '楼凤', '性服务', '色情服务', '小姐上门', '上门小姐',
  '外围女', '学生妹兼职', '裸照', '艳照', '招嫖', '做爱', '性爱视频', '自慰', '春药', '催情', '迷药',
  '迷奸', 'av女优',
];
const SEX_REPORTS = ['卖淫', '嫖娼', '大保健', '找小姐', '特殊服务', '黄色网站'];

const SPAM_ADS = [
  '代开发票', '发票代开', '代开增值税', '办证刻章', '刻章办证', '办假证', '办理假证', '无抵押贷款',
  '低息贷款', '秒批贷款', '秒下款', '信用卡套现', '刷单返利', '兼职刷单', '刷单兼职', '网上博彩',
  '博彩网站', '博彩平台', '百家乐', '六合彩', '时时彩', '澳门赌场', '网上赌场', '线上赌场', '赌球',
  '代孕', '卖肾', '扫码领红包', '加群领红包',
];
const SPAM_SUSPECT = ['加v咨询', '加微信咨询', '加微信了解', '日结兼职', '网络兼职'];

const THREATS = [
  '杀了你', '杀你全家', '弄死你', '砍死你', '捅死你', '打死你', '烧死你', '炸死你', '炸了你们', '炸政府',
  '炸了政府', '炸掉政府', '放炸弹', '我要杀人', '血洗', '同归于尽', '报复社会', '自焚', '我要跳楼',
  '我就跳楼', '跳楼自杀', '我要自杀', '我就自杀',
];

const DATA_TRADING = [
  '查开房记录', '开房记录查询', '出售个人信息', '个人信息出售', '出售公民信息', '手机定位查询',
  '查手机定位', '通话记录查询',
];
const DATA_SUSPECT = ['人肉搜索'];

const CONTRABAND = ['冰毒', '海洛因', '摇头丸', '麻古', '出售大麻', '卖大麻', '出售枪支', '买卖枪支', '枪支出售', '仿真枪出售'];

/**
 * Everyday words no rule may fire inside: the words real complaints are full of (so that an admin's
 * rule for 法人, 鸡, 操, 干, 黑, 小姐 never trips them), and the superstrings of default patterns
 * found in ordinary Chinese (沙比较 ⊃ 沙比, 牲畜生 ⊃ 畜生, 跳楼价 …).
 */
const EVERYDAY_WORDS = [
  '政府', '书记', '书记信箱', '垃圾', '井盖', '城管', '执法', '执法人员', '法人', '法人代表', '小姐姐',
  '鸡蛋', '鸡肉', '操场', '体操', '干部', '黑车', '沙比较', '牲畜生', '跳楼价', '跳楼大甩卖',
  '智障人士', '智障儿童', '楼凤凰', '大麻烦',
];

export const DEFAULT_WORD_RULES: readonly WordRuleSpec[] = [
  ...rules('abuse', 'mask', INSULTS),
  ...rules('abuse', 'review', FAMILY_CURSES),
  ...rules('abuse', 'mask', LATIN_INSULTS_AS_WORDS, 'word'),
  ...rules('abuse', 'mask', LATIN_INSULTS),
  ...rules('porn', 'block', SEX_ADS),
  ...rules('porn', 'review', SEX_REPORTS),
  ...rules('ad', 'block', SPAM_ADS),
  ...rules('ad', 'review', SPAM_SUSPECT),
  ...rules('threat', 'review', THREATS),
  ...rules('privacy', 'block', DATA_TRADING),
  ...rules('privacy', 'review', DATA_SUSPECT),
  ...rules('other', 'block', CONTRABAND),
  ...rules('other', 'allow', EVERYDAY_WORDS),
];
