import { REPORT_LIMITS } from '@ssp/contracts';

/**
 * The form of `POST /requests` (GeoReport v2), read into what the intake pipeline needs. Names, phone
 * numbers and e-mail addresses are personal data we do not need: first_name, last_name and phone are
 * never read, and email / account_id / device_id only as a pseudonymous rate-limit subject.
 */
export type FormFields = Readonly<Record<string, string | string[]>>;

export interface ServiceRequestForm {
  apiKey: string | null;
  serviceCode: string | null;
  /** WGS-84, as the specification states. */
  location: { lat: number; lng: number } | null;
  addressString: string | null;
  description: string | null;
  /** Stored as given and never fetched by the server (no requests to client-chosen URLs). */
  mediaUrl: string | null;
  /** Who submitted, for rate limits: account_id, else email, else device_id (never stored as such). */
  subject: string | null;
  deviceId: string | null;
  /** `attribute[code]=v` and `attribute[code][]=v1&attribute[code][]=v2`, grouped by code. */
  attributes: Map<string, string[]>;
}

export const FORM_LIMITS = { fieldChars: 4000, addressChars: 200, urlChars: 2000, attributeFields: 100 } as const;

const ATTRIBUTE_FIELD = /^attribute\[([^\][]{1,64})\](\[\])?$/;

/** Control characters other than tab and line breaks carry no meaning in a report and cannot be sent as XML. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARS, '').trim();
}

function single(fields: FormFields, name: string, problems: string[]): string | null {
  const raw = fields[name];
  if (raw === undefined) return null;
  if (Array.isArray(raw)) {
    problems.push(`${name} 只能提交一次`);
    return null;
  }
  const value = cleanText(raw);
  if (value.length > FORM_LIMITS.fieldChars) {
    problems.push(`${name} 过长`);
    return null;
  }
  // "Optional" in the specification: an empty value is the same as none.
  return value === '' ? null : value;
}

function coordinate(text: string | null, name: string, limit: number, problems: string[]): number | null {
  if (text === null) return null;
  if (!/^-?\d{1,3}(\.\d{1,15})?$/.test(text)) {
    problems.push(`${name} 必须是数字（WGS-84 经纬度）`);
    return null;
  }
  const value = Number(text);
  if (Math.abs(value) > limit) {
    problems.push(`${name} 超出范围`);
    return null;
  }
  return value;
}

/** Only absolute http(s) URLs without credentials: the value is shown to others, never fetched here. */
export function isAcceptableMediaUrl(text: string): boolean {
  if (text.length > FORM_LIMITS.urlChars) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

export function readServiceRequestForm(fields: FormFields): { ok: ServiceRequestForm } | { problems: string[] } {
  const problems: string[] = [];
  const attributes = new Map<string, string[]>();
  let attributeFields = 0;
  for (const [name, raw] of Object.entries(fields)) {
    const match = ATTRIBUTE_FIELD.exec(name);
    if (!match) {
      if (name.startsWith('attribute')) problems.push(`无法识别的字段 ${name.slice(0, 40)}（应为 attribute[code]=value）`);
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map(cleanText);
    attributeFields += values.length;
    attributes.set(match[1], [...(attributes.get(match[1]) ?? []), ...values]);
  }
  if (attributeFields > FORM_LIMITS.attributeFields) problems.push(`attribute 字段过多（最多 ${FORM_LIMITS.attributeFields} 个）`);
  if ([...attributes.values()].some((values) => values.some((value) => value.length > FORM_LIMITS.fieldChars))) problems.push('attribute 的值过长');

  const apiKey = single(fields, 'api_key', problems);
  const serviceCode = single(fields, 'service_code', problems);
  const latText = single(fields, 'lat', problems);
  const longText = single(fields, 'long', problems);
  const lat = coordinate(latText, 'lat', 90, problems);
  const lng = coordinate(longText, 'long', 180, problems);
  if ((latText === null) !== (longText === null)) problems.push('lat 和 long 需要同时提供');
  const addressString = single(fields, 'address_string', problems);
  if (addressString !== null && addressString.length > FORM_LIMITS.addressChars) problems.push(`address_string 不能超过 ${FORM_LIMITS.addressChars} 字`);
  const description = single(fields, 'description', problems);
  if (description !== null && description.length > REPORT_LIMITS.descriptionMaxChars) {
    problems.push(`description 不能超过 ${REPORT_LIMITS.descriptionMaxChars} 字`);
  }
  const mediaUrl = single(fields, 'media_url', problems);
  if (mediaUrl !== null && !isAcceptableMediaUrl(mediaUrl)) problems.push('media_url 须为 http(s) 链接');
  const accountId = single(fields, 'account_id', problems);
  const email = single(fields, 'email', problems)?.toLowerCase() ?? null;
  const deviceId = single(fields, 'device_id', problems);
  if (problems.length > 0) return { problems };
  return {
    ok: {
      apiKey,
      serviceCode,
      location: lat !== null && lng !== null ? { lat, lng } : null,
      addressString,
      description,
      mediaUrl,
      subject: accountId ? `account:${accountId}` : email ? `email:${email}` : deviceId ? `device:${deviceId}` : null,
      deviceId,
      attributes,
    },
  };
}
