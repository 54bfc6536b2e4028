import { SERVICE_ATTRIBUTE_DATATYPES, type ServiceAttribute, type ServiceAttributeAnswers } from '@ssp/contracts';
import { parseW3cDateTime } from './open311-query.util';

/**
 * Service definitions (GeoReport v2 "GET Service Definition") are stored per category; these checks
 * keep a stored definition well-formed and hold a submission's `attribute[code]` answers to it.
 */
const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const ATTRIBUTE_LIMITS = { attributes: 20, values: 50, description: 200, name: 64, string: 200, text: 2000 } as const;
const LISTS = new Set(['singlevaluelist', 'multivaluelist']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A definition as stored, or the list of what is wrong with it (messages for admins). */
export function checkServiceDefinition(input: unknown): { ok: ServiceAttribute[] } | { problems: string[] } {
  if (!Array.isArray(input)) return { problems: ['服务定义必须是属性列表'] };
  if (input.length > ATTRIBUTE_LIMITS.attributes) return { problems: [`最多 ${ATTRIBUTE_LIMITS.attributes} 个属性`] };
  const problems: string[] = [];
  const codes = new Set<string>();
  const orders = new Set<number>();
  const attributes: ServiceAttribute[] = [];
  input.forEach((raw: unknown, index) => {
    const at = `第 ${index + 1} 个属性`;
    if (!isRecord(raw)) return problems.push(`${at}不是对象`);
    const { variable, code, datatype, required, datatypeDescription, order, description, values } = raw;
    if (typeof code !== 'string' || !CODE_PATTERN.test(code)) return problems.push(`${at}的 code 须为 1–32 位字母、数字、- 或 _`);
    if (codes.has(code)) problems.push(`${at}的 code “${code}”重复`);
    codes.add(code);
    if (typeof variable !== 'boolean' || typeof required !== 'boolean') problems.push(`${at}的 variable / required 须为布尔值`);
    if (typeof datatype !== 'string' || !(SERVICE_ATTRIBUTE_DATATYPES as readonly string[]).includes(datatype)) {
      return problems.push(`${at}的 datatype 无效`);
    }
    if (typeof order !== 'number' || !Number.isInteger(order) || order < 1) problems.push(`${at}的 order 须为正整数`);
    else if (orders.has(order)) problems.push(`${at}的 order ${order} 重复`);
    else orders.add(order);
    if (typeof description !== 'string' || description.trim() === '' || description.length > ATTRIBUTE_LIMITS.description) {
      problems.push(`${at}须有不超过 ${ATTRIBUTE_LIMITS.description} 字的说明`);
    }
    if (datatypeDescription !== null && datatypeDescription !== undefined && (typeof datatypeDescription !== 'string' || datatypeDescription.length > ATTRIBUTE_LIMITS.description)) {
      problems.push(`${at}的 datatypeDescription 无效`);
    }
    if (required === true && variable === false) problems.push(`${at}不需要填写（variable 为 false），不能是必填`);
    let options: Array<{ key: string; name: string }> | undefined;
    if (LISTS.has(datatype)) {
      if (!Array.isArray(values) || values.length === 0 || values.length > ATTRIBUTE_LIMITS.values) {
        problems.push(`${at}是列表类型，须有 1–${ATTRIBUTE_LIMITS.values} 个选项`);
      } else {
        const keys = new Set<string>();
        options = [];
        for (const value of values as unknown[]) {
          if (!isRecord(value) || typeof value.key !== 'string' || !KEY_PATTERN.test(value.key) || typeof value.name !== 'string' || value.name.trim() === '' || value.name.length > ATTRIBUTE_LIMITS.name) {
            problems.push(`${at}的选项须有 key（1–32 位字母、数字、- 或 _）和名称`);
            break;
          }
          if (keys.has(value.key)) problems.push(`${at}的选项 key “${value.key}”重复`);
          keys.add(value.key);
          options.push({ key: value.key, name: value.name });
        }
      }
    } else if (values !== undefined) {
      problems.push(`${at}不是列表类型，不能有选项`);
    }
    attributes.push({
      variable: variable === true,
      code,
      datatype: datatype as ServiceAttribute['datatype'],
      required: required === true,
      datatypeDescription: typeof datatypeDescription === 'string' ? datatypeDescription : null,
      order: typeof order === 'number' ? order : 0,
      description: typeof description === 'string' ? description : '',
      ...(options ? { values: options } : {}),
    });
    return undefined;
  });
  return problems.length > 0 ? { problems } : { ok: [...attributes].sort((a, b) => a.order - b.order) };
}

/**
 * Holds `attribute[code]=value` answers (already grouped by code) to the definition: unknown codes,
 * missing required answers, values outside a list, non-numbers, bad dates and line breaks in a
 * `string` are refused with a message the client can show.
 */
export function checkAttributeAnswers(
  definition: readonly ServiceAttribute[],
  answers: ReadonlyMap<string, string[]>,
): { ok: ServiceAttributeAnswers } | { problems: string[] } {
  const problems: string[] = [];
  const byCode = new Map(definition.map((attribute) => [attribute.code, attribute]));
  for (const code of answers.keys()) {
    const attribute = byCode.get(code);
    if (!attribute) problems.push(`未知的属性 attribute[${code.slice(0, 40)}]`);
    else if (!attribute.variable) problems.push(`属性 ${code} 仅供说明，无需填写`);
  }
  const stored: ServiceAttributeAnswers = {};
  for (const attribute of definition) {
    if (!attribute.variable) continue;
    const given = (answers.get(attribute.code) ?? []).map((value) => value.trim()).filter((value) => value !== '');
    const label = `“${attribute.description}”（${attribute.code}）`;
    if (given.length === 0) {
      if (attribute.required) problems.push(`请填写${label}`);
      continue;
    }
    if (attribute.datatype !== 'multivaluelist' && given.length > 1) {
      problems.push(`${label}只能填写一个值`);
      continue;
    }
    const [value] = given;
    switch (attribute.datatype) {
      case 'string':
        if (/[\r\n]/.test(value)) problems.push(`${label}不能换行`);
        else if (value.length > ATTRIBUTE_LIMITS.string) problems.push(`${label}不能超过 ${ATTRIBUTE_LIMITS.string} 字`);
        else stored[attribute.code] = value;
        break;
      case 'text':
        if (value.length > ATTRIBUTE_LIMITS.text) problems.push(`${label}不能超过 ${ATTRIBUTE_LIMITS.text} 字`);
        else stored[attribute.code] = value;
        break;
      case 'number':
        if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(value)) problems.push(`${label}须为数字`);
        else stored[attribute.code] = value;
        break;
      case 'datetime': {
        const date = parseW3cDateTime(value);
        if (!date) problems.push(`${label}须为 ISO 8601 日期时间`);
        else stored[attribute.code] = date.toISOString();
        break;
      }
      case 'singlevaluelist':
        if (!attribute.values?.some((option) => option.key === value)) problems.push(`${label}的值不在可选范围内`);
        else stored[attribute.code] = value;
        break;
      case 'multivaluelist': {
        const unique = [...new Set(given)];
        const unknown = unique.filter((entry) => !attribute.values?.some((option) => option.key === entry));
        if (unknown.length > 0) problems.push(`${label}的值不在可选范围内`);
        else stored[attribute.code] = unique;
        break;
      }
      default: {
        const never: never = attribute.datatype;
        throw new Error(`unknown datatype ${String(never)}`);
      }
    }
  }
  return problems.length > 0 ? { problems } : { ok: stored };
}

/** The answers as one line staff read on the ticket: 井盖状态：缺失；数量：2. */
export function describeAnswers(definition: readonly ServiceAttribute[], answers: ServiceAttributeAnswers): string {
  return definition
    .filter((attribute) => answers[attribute.code] !== undefined)
    .map((attribute) => {
      const value = answers[attribute.code];
      const names = (Array.isArray(value) ? value : [value]).map((entry) => attribute.values?.find((option) => option.key === entry)?.name ?? entry);
      return `${attribute.description}：${names.join('、')}`;
    })
    .join('；');
}
