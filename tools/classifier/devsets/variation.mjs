// Surface variation for generated text: synonyms, filler words, common misspellings (的/得/地, 在/再 …),
// punctuation changes. Keeps a generated set from repeating the same sentence byte for byte.
import { pick } from './prng.mjs';

const SYNONYMS = [
  ['非常', ['很', '特别', '十分', '相当', '实在']],
  ['很', ['非常', '特别', '挺', '太']],
  ['一直', ['始终', '总是', '一直都', '老是']],
  ['没有', ['没', '未', '没能']],
  ['希望', ['恳请', '盼望', '请求', '希望能']],
  ['严重', ['厉害', '严重', '很严重']],
  ['问题', ['情况', '问题', '现象']],
  ['处理', ['解决', '处理', '整改', '查处']],
  ['附近', ['旁边', '周边', '边上', '附近']],
  ['居民', ['老百姓', '住户', '居民', '群众']],
  ['现在', ['目前', '如今', '现在']],
  ['孩子', ['小孩', '娃', '孩子', '儿子']],
  ['公司', ['单位', '公司', '企业']],
  ['已经', ['都', '已', '已经']],
];

const MISSPELLINGS = [
  ['的', '得'], ['得', '的'], ['在', '再'], ['做', '作'], ['已', '以'], ['像', '象'], ['帐', '账'], ['部', '布'],
];

const FILLERS = ['真的', '实在是', '说实话', '我觉得', '其实', '反正', '说真的', '本来'];

/** @param {() => number} random @param {string} sentence */
export function vary(random, sentence) {
  let text = sentence;
  for (const [word, alternatives] of SYNONYMS) {
    if (text.includes(word) && random() < 0.4) text = text.replace(word, pick(random, alternatives));
  }
  if (random() < 0.15) {
    const [from, to] = pick(random, MISSPELLINGS);
    text = text.replace(from, to);
  }
  if (random() < 0.12) text = `${pick(random, FILLERS)}${text}`;
  if (random() < 0.1) text = text.replace(/。$/, '！');
  if (random() < 0.08) text = text.replace(/，/, ' ');
  return text;
}
