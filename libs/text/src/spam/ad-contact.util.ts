import { SPAM_THRESHOLDS } from './spam-thresholds';

/** How spam writes a contact handle: the verb 加 ("add me") or a disguised spelling. */
const AD_HANDLES = '(?:加微信|加qq|加扣扣|加v|加w|加微|加q|v信|vx|wx|薇信|徽信|扣扣|企鹅号|tg|飞机号)';
/** A handle a resident may also use to leave their own contact (我的微信 …). */
const ANY_HANDLE = new RegExp(`${AD_HANDLES}|微信|qq|电报|telegram`);
const AD_HANDLE_WITH_ID = new RegExp(`${AD_HANDLES}(?:号码|号|id)?[a-z0-9]{${SPAM_THRESHOLDS.contactIdMinLength},}`);
const SELLING_WORDS =
  /兼职|日结|贷款|下款|套现|返利|刷单|代办|代开|包过|特价|低价|优惠|折扣|批发|出售|招聘|加盟|招商|免费领|领红包|私聊|详聊|秒到|无抵押|月入|日赚|上分|下分/;
/** Words of a complaint ABOUT ads (小广告 with a phone number on it), which must not read as an ad. */
const COMPLAINT_ABOUT_ADS = /广告|牛皮癣|乱贴|张贴|贴满|乱涂|喷涂|传单|举报|投诉|城管/;

/**
 * Why the text reads as an ad, or undefined: a disguised handle followed by an id (加V abc123,
 * vx:abc123 …), or a handle or phone number together with a selling word, unless the text is a
 * complaint about ads. `normalized` is `normalizeText(input).text`; `hasPhoneNumber` is asked only
 * when a selling word is present.
 */
export function findAdContact(normalized: string, hasPhoneNumber: () => boolean): string | undefined {
  const handleWithId = AD_HANDLE_WITH_ID.exec(normalized);
  if (handleWithId) return `联系方式「${handleWithId[0]}」`;
  const selling = SELLING_WORDS.exec(normalized);
  if (!selling || COMPLAINT_ABOUT_ADS.test(normalized)) return undefined;
  const handle = ANY_HANDLE.exec(normalized);
  if (handle) return `联系方式「${handle[0]}」与推销用语「${selling[0]}」`;
  if (hasPhoneNumber()) return `电话号码与推销用语「${selling[0]}」`;
  return undefined;
}
