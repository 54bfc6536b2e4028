/**
 * GeoReport v2 serves XML and derives JSON from it by the Spark convention
 * (http://wiki.open311.org/JSON_and_XML_Conversion): a container element whose children all share one
 * name is a JSON array. We build the JSON shape and write the XML from it, so the two formats cannot drift.
 */
export type SparkValue = string | number | boolean | null | SparkValue[] | { [key: string]: SparkValue };

/** The element each item of a container (a JSON array) is written as. */
const ITEM_ELEMENTS: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

/**
 * Characters XML 1.0 cannot carry at all (controls other than tab/newline/return, lone surrogates,
 * U+FFFE/U+FFFF): escaping cannot save them, so they are dropped rather than breaking the document.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML_CHARS, '').replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

function element(name: string, value: SparkValue): string {
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENTS[name];
    if (!item) throw new Error(`no item element known for the list <${name}>`);
    return `<${name}>${value.map((entry) => element(item, entry)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([key, entry]) => element(key, entry))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXmlText(String(value))}</${name}>`;
}

/** The XML document of a Spark-shaped value, with the declaration the specification requires. */
export function toSparkXml(root: string, value: SparkValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}
